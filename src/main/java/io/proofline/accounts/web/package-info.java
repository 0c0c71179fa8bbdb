/**
 * The account pages, and who is signed in on a request ({@link io.proofline.accounts.web.SignedInAccounts}), which
 * the wizard asks too; and the password typed again inside a step ({@link io.proofline.accounts.web.PasswordEntry}).
 * These two are what other modules may use of this package.
 */
@org.springframework.modulith.NamedInterface("web")
package io.proofline.accounts.web;

/**
 * The account pages, and who is signed in on a request ({@link io.proofline.accounts.web.SignedInAccounts}), which
 * the wizard asks too: the one type of this package that other modules may use.
 */
@org.springframework.modulith.NamedInterface("web")
package io.proofline.accounts.web;

/**
 * Accounts and their encrypted profiles. {@link io.proofline.accounts.Accounts}: sign up, sign in (throttled),
 * sign out, password reset. {@link io.proofline.accounts.Profiles}: encrypt the verified PII under the
 * re-entered password and a personal key, decrypt it, find duplicate SSNs, recover with the personal key.
 * Nothing here stores PII in plaintext; see {@code docs/pii-protection.md}.
 */
package io.proofline.accounts;

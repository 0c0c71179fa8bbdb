package io.proofline.accounts;

/**
 * The account is being deleted ({@link AccountDeletions}): each module removes what it holds of it. Published inside
 * the deletion's transaction, before the account's own rows go (other modules' rows reference the account), so the
 * listeners are plain synchronous {@code @EventListener}s: a failure in any of them deletes nothing.
 */
public record AccountDeleted(AccountId account) {
}

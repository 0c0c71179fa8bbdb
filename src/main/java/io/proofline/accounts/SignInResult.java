package io.proofline.accounts;

import java.time.Instant;

/** The outcome of a sign-in. A rejection never says whether the email or the password was wrong. */
public sealed interface SignInResult {

    record SignedIn(AccountId account, SessionToken session) implements SignInResult {
    }

    record Rejected(int remainingAttempts) implements SignInResult {
    }

    record Locked(Instant until) implements SignInResult {
    }
}

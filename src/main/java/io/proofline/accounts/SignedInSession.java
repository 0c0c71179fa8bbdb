package io.proofline.accounts;

import java.util.List;

/**
 * A valid signed-in session: whose it is, what it has proven, and how (OpenID Connect {@code amr} values: {@code pwd},
 * {@code otp}, {@code hwk}, ...).
 */
public record SignedInSession(AccountId account, Assurance assurance, List<String> methods) {

    public SignedInSession {
        methods = List.copyOf(methods);
    }
}

package io.proofline.accounts;

/**
 * What a signed-in session has proven (NIST SP 800-63B authenticator assurance levels). Every account holds a second
 * method, so AAL1 is only the moment between the password and that method.
 */
public enum Assurance {
    /** The password only: the second step is still to come. */
    AAL1,
    /** The password and a second method (an authentication app, a backup code, a phone). */
    AAL2,
    /** The password and a method bound to this site that a phishing page cannot relay (a security key, PIV/CAC). */
    AAL2_PHISHING_RESISTANT;

    public boolean atLeast(Assurance other) {
        return compareTo(other) >= 0;
    }
}

package io.proofline.accounts;

/** The kinds of second method an account can hold, with the OpenID Connect {@code amr} value each proves (RFC 8176). */
public enum MethodKind {
    /** An authentication app: RFC 6238 time-based codes. */
    AUTHENTICATION_APP("otp", Assurance.AAL2),
    /** Ten single-use codes, printed or saved. */
    BACKUP_CODES("kba", Assurance.AAL2),
    /** A security key or passkey (WebAuthn): bound to this site, so a phishing page cannot relay it. */
    SECURITY_KEY("hwk", Assurance.AAL2_PHISHING_RESISTANT),
    /**
     * A phone where we send a code by text message ({@code sms}) or voice call ({@code tel}: the amr of a code sent
     * by voice, see {@link SecondFactors}). RFC 8176's values; Login.gov's reference notes name none of their own.
     */
    PHONE("sms", Assurance.AAL2);

    private final String amr;
    private final Assurance assurance;

    MethodKind(String amr, Assurance assurance) {
        this.amr = amr;
        this.assurance = assurance;
    }

    public String amr() {
        return amr;
    }

    public Assurance assurance() {
        return assurance;
    }
}

package io.proofline.sharing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scopes an agency may ask for, as Login.gov's partners know them, and the claims each releases. Those marked
 * {@code verified} hold verified identity and are refused at IAL1 ({@code urn:acr.login.gov:auth-only}).
 */
public enum AgencyScope {
    OPENID("openid", false),
    EMAIL("email", false, "email", "email_verified"),
    ALL_EMAILS("all_emails", false, "all_emails"),
    ADDRESS("address", true, "address"),
    PHONE("phone", true, "phone", "phone_verified"),
    PROFILE("profile", true, "given_name", "family_name", "birthdate", "verified_at"),
    PROFILE_NAME("profile:name", true, "given_name", "family_name"),
    PROFILE_BIRTHDATE("profile:birthdate", true, "birthdate"),
    PROFILE_VERIFIED_AT("profile:verified_at", true, "verified_at"),
    SOCIAL_SECURITY_NUMBER("social_security_number", true, "social_security_number"),
    X509("x509", true, "x509_subject", "x509_issuer", "x509_presented"),
    X509_SUBJECT("x509:subject", true, "x509_subject"),
    X509_ISSUER("x509:issuer", true, "x509_issuer"),
    X509_PRESENTED("x509:presented", true, "x509_presented");

    private final String value;
    private final boolean verified;
    private final List<String> claims;

    AgencyScope(String value, boolean verified, String... claims) {
        this.value = value;
        this.verified = verified;
        this.claims = List.of(claims);
    }

    public String value() {
        return value;
    }

    /** Holds verified identity: only for a request at {@link AgencyLevel#VERIFIED}. */
    public boolean verified() {
        return verified;
    }

    public List<String> claims() {
        return claims;
    }

    public static Optional<AgencyScope> of(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }

    /** Every claim name some scope releases: what is never kept with an authorization's stored ID token. */
    static Set<String> releasedClaimNames() {
        return Arrays.stream(values()).flatMap(scope -> scope.claims.stream()).collect(Collectors.toSet());
    }

    /** The claims the given scope values release, in the order of this enum, each once. */
    static List<String> claimsOf(Set<String> scopes) {
        return Arrays.stream(values()).filter(scope -> scopes.contains(scope.value))
                .flatMap(scope -> scope.claims.stream()).distinct().toList();
    }
}

package io.proofline.sharing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.proofline.vault.IdentityEvidence;
import io.proofline.vault.ProofingPii;

/**
 * The claims an agency receives for the scopes a person agreed to, from their verified profile, in Login.gov's shapes:
 * a five-digit postal code, an E.164 phone, the SSN as {@code 111-11-1111}, {@code verified_at} in epoch seconds,
 * {@code x509_subject} and {@code x509_issuer} as the RFC 2253 DNs of a PIV/CAC card's certificate.
 * Pure: exactly the claims of the agreed scopes, and none without a value.
 */
final class AgencyClaims {

    private AgencyClaims() {
    }

    /**
     * @param profile    the verified profile decrypted for this session (null: none is held, so no verified claim)
     * @param verifiedAt when the person was verified (null: never)
     */
    static Map<String, Object> of(Set<String> scopes, String email, ProofingPii profile, Instant verifiedAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        for (String name : AgencyScope.claimsOf(scopes)) {
            Object value = value(name, email, profile, verifiedAt);
            if (value != null) {
                claims.put(name, value);
            }
        }
        return claims;
    }

    private static Object value(String claim, String email, ProofingPii profile, Instant verifiedAt) {
        switch (claim) {
            case "email":
                return email;
            case "email_verified":
                return email == null ? null : Boolean.TRUE;
            case "all_emails":
                return email == null ? null : List.of(email);
            case "verified_at":
                return verifiedAt == null ? null : verifiedAt.getEpochSecond();
            default:
                break;
        }
        if (profile == null) {
            return null;
        }
        return switch (claim) {
            case "given_name" -> profile.firstName();
            case "family_name" -> profile.lastName();
            case "birthdate" -> profile.dateOfBirth() == null ? null : profile.dateOfBirth().toString();
            case "social_security_number" -> ssn(profile.ssn());
            case "phone" -> e164(profile.phone());
            case "phone_verified" -> e164(profile.phone()) == null ? null : Boolean.TRUE;
            case "address" -> address(profile);
            case "x509_subject" -> card(profile) == null ? null : card(profile).certificateSubject();
            case "x509_issuer" -> card(profile) == null ? null : card(profile).certificateIssuer();
            // Login.gov: whether the person presented a PIV/CAC. Here a card is only proofing evidence, not a way to
            // sign in: true when the verified profile's evidence is a card the person presented, false otherwise.
            case "x509_presented" -> card(profile) != null;
            default -> null;
        };
    }

    /** The profile's evidence when it is a PIV/CAC card's certificate; null for a state ID or no evidence. */
    private static IdentityEvidence card(ProofingPii profile) {
        IdentityEvidence evidence = profile.evidence();
        return evidence != null && "PIV_CAC".equals(evidence.source()) ? evidence : null;
    }

    private static Map<String, String> address(ProofingPii profile) {
        if (profile.street() == null || profile.city() == null || profile.state() == null || profile.zip() == null) {
            return null;
        }
        String postalCode = profile.zip().length() > 5 ? profile.zip().substring(0, 5) : profile.zip();
        Map<String, String> address = new LinkedHashMap<>();
        address.put("formatted", profile.street() + "\n" + profile.city() + ", " + profile.state() + " " + postalCode);
        address.put("street_address", profile.street());
        address.put("locality", profile.city());
        address.put("region", profile.state());
        address.put("postal_code", postalCode);
        return address;
    }

    static String ssn(String ssn) {
        if (ssn == null) {
            return null;
        }
        String digits = ssn.replaceAll("[^0-9]", "");
        return digits.length() != 9 ? null
                : digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
    }

    static String e164(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() == 10) {
            return "+1" + digits;
        }
        if (digits.length() == 11 && digits.startsWith("1")) {
            return "+" + digits;
        }
        return null;
    }
}

package io.proofline.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.proofline.vault.IdentityEvidence;
import io.proofline.vault.ProofingPii;

/** The x509 claims an agency receives: a card's certificate when the verified profile came from a PIV/CAC card. */
class AgencyClaimsTest {

    /** RFC 2253, as {@code X500Principal.getName()} gives the development card's names. */
    private static final String SUBJECT = "C=US,O=Proofline,OU=TEST ONLY,CN=Fakey McFakerson";
    private static final String ISSUER = "C=US,O=Proofline,CN=Proofline DEVELOPMENT PIV CA - TEST ONLY";
    private static final Instant VERIFIED_AT = Instant.parse("2026-03-01T10:00:00Z");

    private static final ProofingPii ENTERED = new ProofingPii("Fakey", "McFakerson", LocalDate.of(1970, 1, 1),
            "4417 Juniper Hollow Rd", "Tamarack Falls", "VT", "05999-4417", "900-41-7733", "8025550147");

    private static final ProofingPii CARD_HOLDER = ENTERED.withEvidence(new IdentityEvidence("PIV_CAC", "Fakey",
            "McFakerson", null, null, null, null, SUBJECT, ISSUER));

    private static final ProofingPii STATE_ID_HOLDER = ENTERED.withEvidence(new IdentityEvidence("STATE_ID", "Fakey",
            "McFakerson", LocalDate.of(1970, 1, 1), "S123-4567-8901", "VT", LocalDate.of(2030, 1, 1), null, null));

    @Test
    void aCardHoldersProfileReleasesTheCertificatesSubjectAndIssuer() {
        Map<String, Object> claims = AgencyClaims.of(Set.of("openid", "x509"), "fakey@example.org", CARD_HOLDER,
                VERIFIED_AT);

        assertThat(claims).containsExactly(Map.entry("x509_subject", SUBJECT), Map.entry("x509_issuer", ISSUER),
                Map.entry("x509_presented", true));
    }

    @Test
    void eachNarrowX509ScopeReleasesOnlyItsOwnClaim() {
        assertThat(AgencyClaims.of(Set.of("openid", "x509:subject"), null, CARD_HOLDER, VERIFIED_AT))
                .containsExactly(Map.entry("x509_subject", SUBJECT));
        assertThat(AgencyClaims.of(Set.of("openid", "x509:issuer"), null, CARD_HOLDER, VERIFIED_AT))
                .containsExactly(Map.entry("x509_issuer", ISSUER));
        assertThat(AgencyClaims.of(Set.of("openid", "x509:presented"), null, CARD_HOLDER, VERIFIED_AT))
                .containsExactly(Map.entry("x509_presented", true));
    }

    @Test
    void aStateIdProfileReleasesNoCertificate() {
        Map<String, Object> claims = AgencyClaims.of(Set.of("openid", "x509"), "fakey@example.org", STATE_ID_HOLDER,
                VERIFIED_AT);

        assertThat(claims).as("no card was presented, and no certificate is invented")
                .containsExactly(Map.entry("x509_presented", false));
    }

    @Test
    void aProfileWithoutEvidenceSaysNoCardWasPresented() {
        assertThat(AgencyClaims.of(Set.of("openid", "x509"), null, ENTERED, VERIFIED_AT))
                .containsExactly(Map.entry("x509_presented", false));
    }

    @Test
    void aCardEvidenceSealedBeforeTheCertificateWasKeptIsStillACardPresentedButReleasesNoDn() {
        ProofingPii sealedEarlier = ENTERED.withEvidence(new IdentityEvidence("PIV_CAC", "Fakey", "McFakerson", null,
                null, null, null, null, null));

        assertThat(AgencyClaims.of(Set.of("openid", "x509"), null, sealedEarlier, VERIFIED_AT))
                .containsExactly(Map.entry("x509_presented", true));
    }

    @Test
    void withoutAHeldProfileNoX509ClaimIsReleased() {
        assertThat(AgencyClaims.of(Set.of("openid", "x509"), "fakey@example.org", null, VERIFIED_AT)).isEmpty();
    }

    @Test
    void theCertificateIsReleasedOnlyForTheX509Scopes() {
        Map<String, Object> claims = AgencyClaims.of(Set.of("openid", "email", "profile:name"), "fakey@example.org",
                CARD_HOLDER, VERIFIED_AT);

        assertThat(claims).containsOnlyKeys("email", "email_verified", "given_name", "family_name");
    }
}

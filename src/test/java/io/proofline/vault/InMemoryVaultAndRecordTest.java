package io.proofline.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.proofline.support.MutableClock;

class InMemoryVaultAndRecordTest {

    private final ProofingPii pii = new ProofingPii("Quillon", "Abernathy-Vex", LocalDate.of(1961, 7, 23),
            "4417 Juniper Hollow Rd", "Tamarack Falls", "VT", "05999-4417", "900-41-7733", "+1 802 555 0147");

    @Test
    void theMemoryStoreForgetsAnEntryWhenItsTimeIsUp() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        InMemoryVaultStore store = new InMemoryVaultStore(clock);
        store.put("journey", "sealed", Duration.ofMinutes(60));

        clock.advance(Duration.ofMinutes(59));
        assertThat(store.get("journey")).contains("sealed");
        clock.advance(Duration.ofMinutes(1));
        assertThat(store.get("journey")).isEmpty();
    }

    @Test
    void toStringNeverPrintsAValue() {
        assertThat(pii.toString()).isEqualTo("ProofingPii[redacted]");
        assertThat(String.valueOf(java.util.List.of(pii))).doesNotContain("Quillon", "1961", "7733", "Juniper");
    }

    @Test
    void unreadableBytesFailWithoutQuotingThem() {
        assertThatThrownBy(() -> ProofingPii.fromBytes("{\"ssn\": 900417733, \"firstName\": Quillon".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasNoCause()
                .hasMessageNotContaining("Quillon").hasMessageNotContaining("900417733");
    }

    @Test
    void itRoundTripsThroughItsBytesAndMergesLaterFieldsOverEarlierOnes() {
        assertThat(ProofingPii.fromBytes(pii.toBytes())).isEqualTo(pii);
        ProofingPii corrected = ProofingPii.empty().mergedWith(pii)
                .withAddress("1 Elm St", pii.city(), pii.state(), pii.zip());
        assertThat(corrected.street()).isEqualTo("1 Elm St");
        assertThat(corrected.ssn()).isEqualTo("900-41-7733");
    }

    @Test
    void aCardsCertificateNamesRoundTripAndAProfileSealedBeforeThemWereKeptStillReads() {
        ProofingPii card = pii.withEvidence(new IdentityEvidence("PIV_CAC", "Quillon", "Abernathy-Vex", null, null,
                null, null, "CN=Quillon Abernathy-Vex,O=Proofline,C=US", "CN=Test PIV CA,O=Proofline,C=US"));
        assertThat(ProofingPii.fromBytes(card.toBytes())).isEqualTo(card);

        String sealedEarlier = "{\"firstName\":\"Quillon\",\"lastName\":\"Abernathy-Vex\",\"evidence\":{"
                + "\"source\":\"PIV_CAC\",\"firstName\":\"Quillon\",\"lastName\":\"Abernathy-Vex\","
                + "\"dateOfBirth\":null,\"idNumber\":null,\"issuingState\":null,\"expiry\":null}}";
        IdentityEvidence read = ProofingPii.fromBytes(sealedEarlier.getBytes()).evidence();
        assertThat(read.source()).isEqualTo("PIV_CAC");
        assertThat(read.firstName()).isEqualTo("Quillon");
        assertThat(read.certificateSubject()).isNull();
        assertThat(read.certificateIssuer()).isNull();
        assertThat(card.evidence().toString()).isEqualTo("IdentityEvidence[source=PIV_CAC, redacted]")
                .doesNotContain("Quillon", "CN=");
    }
}

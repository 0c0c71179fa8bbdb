package io.proofline.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.proofline.crypto.DecryptionFailedException;
import io.proofline.journey.JourneyId;
import io.proofline.support.PostgresIntegrationTest;

/** The postgres profile's vault: Redis holds only ciphertext, with an expiry, under the test's own key prefix. */
class PiiVaultOnRedisTest extends PostgresIntegrationTest {

    @Autowired
    PiiVault vault;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    VaultProperties properties;

    private final JourneyId journey = JourneyId.random();
    private final ProofingPii identity = ProofingPii.empty()
            .withPerson("Quillon", "Abernathy-Vex", LocalDate.of(1961, 7, 23)).withSsn("900-41-7733");
    private final ProofingPii address = ProofingPii.empty()
            .withAddress("4417 Juniper Hollow Rd", "Tamarack Falls", "VT", "05999-4417").withPhone("+1 802 555 0147");

    @Test
    void stepsAddToWhatTheJourneyHoldsAndRedisSeesOnlyCiphertextThatExpires() {
        vault.merge(journey, identity);
        ProofingPii whole = vault.merge(journey, address);

        assertThat(vault.find(journey)).contains(whole);
        assertThat(whole.firstName()).isEqualTo("Quillon");
        assertThat(whole.phone()).isEqualTo("+1 802 555 0147");
        String key = properties.keyPrefix() + journey;
        String stored = redis.opsForValue().get(key);
        assertThat(stored).isNotNull().doesNotContain("Quillon", "Abernathy", "1961", "900-41", "900417733", "Juniper",
                "Tamarack", "05999", "802 555");
        assertThat(redis.getExpire(key, TimeUnit.SECONDS)).isBetween(Duration.ofMinutes(59).toSeconds(),
                Duration.ofMinutes(60).toSeconds());
    }

    @Test
    void theEntryIsGoneOnceDeleted() {
        vault.merge(journey, identity);

        vault.delete(journey);

        assertThat(vault.find(journey)).isEmpty();
        assertThat(redis.hasKey(properties.keyPrefix() + journey)).isFalse();
    }

    @Test
    void anEntryCopiedUnderAnotherJourneyDoesNotOpen() {
        vault.merge(journey, identity);
        JourneyId other = JourneyId.random();
        redis.opsForValue().set(properties.keyPrefix() + other, redis.opsForValue().get(properties.keyPrefix() + journey),
                Duration.ofMinutes(1));

        assertThatThrownBy(() -> vault.find(other)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void testsWriteUnderARandomPrefix() {
        assertThat(properties.keyPrefix()).startsWith("proofline-it:").endsWith(":vault:").hasSizeGreaterThan(40);
    }
}

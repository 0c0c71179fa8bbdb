package io.proofline.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.support.PostgresIntegrationTest;

/**
 * A rotation of the attribute key as an operator does it: the new key current, the old one (the it profile's)
 * in the old keys. What the previous release wrote (version 1, no key id) still reads; the re-encryption
 * rewrites every attribute column under the new key, after which the old key can go.
 */
@TestPropertySource(properties = {"proofline.crypto.attribute-key=" + AttributeKeyRotationOnPostgresTest.NEW_KEY,
        "proofline.crypto.attribute-old-keys=" + AttributeKeyRotationOnPostgresTest.OLD_KEY,
        "proofline.crypto.re-encrypt-at-start-up=false"})
class AttributeKeyRotationOnPostgresTest extends PostgresIntegrationTest {

    static final String NEW_KEY = "hD3vS5mZK1nYc1r0m4yP2m1Jk3n6Qe8wT2xY7zA9bC0=";
    /** The it profile's attribute key, as application-it.yml has it. */
    static final String OLD_KEY = "6QHArCX2odZBY17VtEBtK66XGmxPjgdOaGQaLeROOkI=";
    private static final Scrypt.Cost IT_COST = new Scrypt.Cost(1024, 8, 1);

    @Autowired
    Accounts accounts;

    @Autowired
    AttributeReEncryption reEncryption;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectProvider<SealedAttributes> stores;

    @Autowired
    CryptoProperties properties;

    /** The database is shared with the other tests of the run, under the it key: rotate back. */
    @AfterEach
    void rotateBack() {
        AttributeEncryptor back = new AttributeEncryptor(new SharedKeys(List.of(decode(OLD_KEY), decode(NEW_KEY)),
                List.of(decode(NEW_KEY)), IT_COST, new CryptoMetrics(new SimpleMeterRegistry())));
        new AttributeReEncryption(back, stores, properties).reEncryptAll();
    }

    @Test
    void ciphertextsOfTheOldReleaseStillReadAndTheReEncryptionMovesEveryColumnToTheNewKey() {
        String email = "rotation." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        AccountId account = accounts.signUp(email, "correct horse battery staple");
        jdbc.sql("update account set email_ciphertext = ? where id = ?")
                .param(legacy(email, "account-email:" + account)).param(account.value()).update();
        UUID journey = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into in_person_enrollment (journey_id, unique_id, sealed_code, expires_at, status, created_at) "
                + "values (?, 'u1', ?, ?, 'PENDING', ?)").params(journey, legacy("2048702198804358", "in-person:" + journey),
                        now, now).update();

        assertThat(accounts.email(account)).as("written the old way, read after the upgrade").contains(email);

        SealedAttributes.ReEncrypted first = reEncryption.reEncryptAll();

        assertThat(first.rewritten()).isGreaterThanOrEqualTo(2);
        AttributeEncryptor newKeyOnly = new AttributeEncryptor(new SharedKeys(List.of(decode(NEW_KEY)),
                List.of(decode(NEW_KEY)), IT_COST, new CryptoMetrics(new SimpleMeterRegistry())));
        assertThat(newKeyOnly.decrypt(column("select email_ciphertext from account where id = ?", account.value()),
                "account-email:" + account)).isEqualTo(email);
        assertThat(newKeyOnly.decrypt(column("select sealed_code from in_person_enrollment where journey_id = ?", journey),
                "in-person:" + journey)).isEqualTo("2048702198804358");
        assertThat(Arrays.copyOfRange(Base64.getDecoder().decode(column(
                "select email_ciphertext from account where id = ?", account.value())), 1, 5))
                .isEqualTo(Keyring.keyId(Scrypt.derive(decode(NEW_KEY), decode(NEW_KEY), IT_COST, 32)));
        assertThat(reEncryption.reEncryptAll().rewritten()).as("nothing left under the old key").isZero();
        assertThat(accounts.email(account)).contains(email);
        jdbc.sql("update account set email_ciphertext = ? where id = ?").param(legacy(email, "account-email:other"))
                .param(account.value()).update();
        assertThat(reEncryption.reEncryptAll().unreadable()).as("a damaged row is skipped, not fatal").isEqualTo(1);
    }

    /** Sealed as the previous release's AttributeEncryptor did: version 1 under scrypt(old secret). */
    private static String legacy(String plaintext, String context) {
        byte[] secret = decode(OLD_KEY);
        return Base64.getEncoder().encodeToString(AesGcm.seal(Scrypt.derive(secret, secret, IT_COST, 32),
                plaintext.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8)));
    }

    private String column(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(String.class).single();
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}

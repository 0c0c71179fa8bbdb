package io.proofline.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.Profiles;
import io.proofline.accounts.SignInResult;
import io.proofline.crypto.UserAccessKeys.Purpose;
import io.proofline.journey.JourneyId;
import io.proofline.proofing.Journeys;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;

/**
 * An account and profile as the previous release stored them (a KMS-wrapped random, PII of version 1 under its
 * CEK) keep working after the upgrade, and move to the KMS-MAC credential at the first sign-in; from then on
 * every password derivation is one KMS MAC call.
 */
class PasswordCredentialUpgradeOnPostgresTest extends PostgresIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    Accounts accounts;

    @Autowired
    Profiles profiles;

    @Autowired
    Journeys journeys;

    @Autowired
    PiiVault vault;

    @Autowired
    KeyManagementService kms;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void aLegacyPasswordCredentialIsUpgradedAtSignInAndTheProfileStillOpens() {
        String email = "upgrade." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        AccountId account = accounts.signUp(email, PASSWORD);
        JourneyId journey = journeys.startOrResume(account).id();
        ProofingPii pii = new ProofingPii("Ada", "Lovelace", LocalDate.of(1815, 12, 10), "12 St James's Sq", "London",
                "DC", "20001", String.format("9%08d", new SecureRandom().nextInt(100_000_000)), "+1 202 555 0100");
        vault.merge(journey, pii);
        profiles.encryptProfile(account, journey, PASSWORD);
        makeLegacy(account, pii);
        assertThat(column("select password_wrapped_key from account where id = ?", account.value()))
                .isNotEqualTo(UserAccessKeys.KMS_MAC_V2);

        assertThat(accounts.signIn(email, PASSWORD, "203.0.113.7")).isInstanceOf(SignInResult.SignedIn.class);

        assertThat(column("select password_wrapped_key from account where id = ?", account.value()))
                .as("upgraded at the first successful use").isEqualTo(UserAccessKeys.KMS_MAC_V2);
        double macs = kmsCalls("generate-mac");
        double decrypts = kmsCalls("decrypt");
        assertThat(profiles.decrypt(account, PASSWORD)).isEqualTo(pii);
        assertThat(kmsCalls("generate-mac")).as("one KMS call for the derivation").isEqualTo(macs + 1);
        assertThat(kmsCalls("decrypt")).isEqualTo(decrypts);
    }

    /** Rewrites the password credential and the profile's PII as the previous release wrote them. */
    private void makeLegacy(AccountId account, ProofingPii pii) {
        UserAccessKeysTest.Legacy legacy = UserAccessKeysTest.legacy(kms, PASSWORD, Purpose.PASSWORD, account.value());
        UUID profile = UUID.fromString(column("select id from account_profile where account_id = ? and status = 'ACTIVE'",
                account.value()));
        jdbc.sql("update account set password_salt = ?, password_cost = ?, password_wrapped_key = ?, password_digest = ? "
                + "where id = ?").params(legacy.stored().salt(), legacy.stored().cost(), legacy.stored().wrappedKey(),
                        legacy.stored().digest(), account.value()).update();
        jdbc.sql("update account_profile set pii_ciphertext = ? where id = ?")
                .params(legacy.sealAsBefore(pii.toBytes(), "profile:" + profile), profile).update();
    }

    private String column(String sql, Object id) {
        return jdbc.sql(sql).param(id).query(String.class).single();
    }

    private double kmsCalls(String operation) {
        return meters.find(CryptoMetrics.KMS_CALLS).tag("operation", operation).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}

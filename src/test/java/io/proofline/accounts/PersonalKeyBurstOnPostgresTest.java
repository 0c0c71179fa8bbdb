package io.proofline.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.proofline.journey.JourneyId;
import io.proofline.proofing.Journeys;
import io.proofline.support.Concurrently;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;

/**
 * Twenty wrong personal keys at the same moment, as a script sends them: exactly the limit (5) are evaluated (one
 * scrypt derivation each), the rest are refused before any derivation, and each gets an answer the pages know.
 * The sign-in limits are raised here so that the password, typed right each time, is never what stops an attempt.
 */
@TestPropertySource(properties = {"proofline.throttle.sign-in.max-attempts=100",
        "proofline.throttle.sign-in-account.max-attempts=100"})
class PersonalKeyBurstOnPostgresTest extends PostgresIntegrationTest {

    static final String PASSWORD = "a long and honest passphrase";
    static final int AT_ONCE = 20;
    static final int LIMIT = 5; // proofline.throttle.personal-key.max-attempts
    static final String WRONG_KEY = "AAAA-BBBB-CCCC-DDDD";

    @Autowired Accounts accounts;
    @Autowired Profiles profiles;
    @Autowired Journeys journeys;
    @Autowired PiiVault vault;
    @Autowired MeterRegistry metrics;

    @Test
    void twentyWrongKeysAtOnceWhenConfirmingTheNewKeyEvaluateFive() {
        AccountId account = verifiedAccount();

        double before = personalKeyDerivations();
        Map<String, Integer> outcomes = atOnce(() -> profiles.confirmPersonalKey(account, WRONG_KEY));

        assertThat(personalKeyDerivations() - before).as("personal keys derived; outcomes " + outcomes).isEqualTo(LIMIT);
        assertThat(outcomes.keySet()).isSubsetOf("WrongPersonalKey", "Locked");
    }

    @Test
    void twentyWrongKeysAtOnceWhenRecoveringAfterAPasswordResetEvaluateFive() {
        AccountId account = verifiedAccount();
        accounts.resetPassword(account, PASSWORD + " anew");

        double before = personalKeyDerivations();
        Map<String, Integer> outcomes = atOnce(() -> profiles.reactivate(account, WRONG_KEY, PASSWORD + " anew"));

        assertThat(personalKeyDerivations() - before).as("personal keys derived; outcomes " + outcomes).isEqualTo(LIMIT);
        assertThat(outcomes.keySet()).isSubsetOf("WrongPersonalKey", "Locked");
    }

    /** An account with an active verified profile (sealed under the password and the personal key). */
    private AccountId verifiedAccount() {
        AccountId account = accounts.signUp("burst." + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                PASSWORD);
        JourneyId journey = journeys.startOrResume(account).id();
        vault.merge(journey, new ProofingPii("Fakey", "McFakerson", LocalDate.of(1970, 1, 2), "1 Fake Rd", "Great Falls",
                "MT", "59010", "900-" + ThreadLocalRandom.current().nextInt(10, 100) + "-"
                        + ThreadLocalRandom.current().nextInt(1000, 10000), null));
        profiles.encryptProfile(account, journey, PASSWORD);
        return account;
    }

    /** The call made twenty times at the same moment; how many ended in which exception (or none). */
    private static Map<String, Integer> atOnce(Runnable attempt) {
        CountDownLatch allReady = new CountDownLatch(AT_ONCE);
        Map<String, Integer> outcomes = new TreeMap<>();
        Concurrently.run(AT_ONCE, AT_ONCE, () -> {
            allReady.countDown();
            allReady.await(); // every thread waits here until all twenty are ready, then all go
            try {
                attempt.run();
                return "none";
            } catch (RuntimeException refused) {
                return refused.getClass().getSimpleName();
            }
        }).forEach(outcome -> outcomes.merge(outcome, 1, Integer::sum));
        return outcomes;
    }

    private double personalKeyDerivations() {
        var counter = metrics.find("proofline.crypto.scrypt.derivations").tag("purpose", "personal-key").counter();
        return counter == null ? 0 : counter.count();
    }
}

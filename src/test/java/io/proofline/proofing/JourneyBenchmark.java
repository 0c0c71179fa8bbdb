package io.proofline.proofing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.Profiles;
import io.proofline.address.PhoneVerification;
import io.proofline.documents.DocumentCheck;
import io.proofline.journey.JourneyId;
import io.proofline.proofing.JourneyDriver.Person;
import io.proofline.support.Concurrently;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.vault.PiiVault;
import io.proofline.vendors.VendorStubServer;

/**
 * Whole state-ID + phone journeys, sign-up to consent, on PostgreSQL, Redis and the vendor stubs with the
 * engine's job executor, several people at once. Not part of {@code mvn verify} (the name does not end in
 * Test): run {@code mvn -o test -Dtest=JourneyBenchmark -Dexec.skip}. Figures go to
 * {@code target/journey-benchmark.txt}. The it profile's scrypt cost (N=1024) applies: production's N=2^16
 * adds about 0.25 s per derivation, three per journey (CryptoBenchmark).
 */
class JourneyBenchmark extends PostgresIntegrationTest {

    static final int PEOPLE = Integer.getInteger("journeys", 40);
    static final int AT_ONCE = Integer.getInteger("concurrency", 4);

    @Autowired Accounts accounts;
    @Autowired Profiles profiles;
    @Autowired Journeys journeys;
    @Autowired JourneyEngine engine;
    @Autowired PiiVault vault;
    @Autowired DocumentCheck documents;
    @Autowired PhoneVerification phones;
    @Autowired VendorStubServer stubs;

    @Test
    void journeysFromSignUpToConsent() throws Exception {
        JourneyDriver driver = new JourneyDriver(journeys, engine, vault, documents, profiles, stubs);
        runJourneys(driver, AT_ONCE); // warm-up: JIT, connection pools, stub server
        long started = System.nanoTime();
        List<Long> millis = runJourneys(driver, PEOPLE);
        double seconds = (System.nanoTime() - started) / 1e9;

        Collections.sort(millis);
        String report = String.format("""
                Journey benchmark (state ID + phone, sign-up to consent), %d journeys, %d at once
                  throughput  %.2f journeys/s (%.1f s in all)
                  per journey p50 %d ms, p95 %d ms, max %d ms
                """, PEOPLE, AT_ONCE, PEOPLE / seconds, seconds, millis.get(millis.size() / 2),
                millis.get((int) Math.ceil(millis.size() * 0.95) - 1), millis.get(millis.size() - 1));
        System.out.println(report);
        Files.writeString(Path.of("target/journey-benchmark.txt"), report);
        assertThat(millis).hasSize(PEOPLE);
    }

    private List<Long> runJourneys(JourneyDriver driver, int count) {
        return Concurrently.run(AT_ONCE, count, () -> oneJourney(driver));
    }

    private long oneJourney(JourneyDriver driver) throws Exception {
        long started = System.nanoTime();
        Person person = Person.random();
        AccountId account = accounts.signUp(person.email(), JourneyDriver.PASSWORD);
        JourneyId journey = driver.begin(account, "STATE_ID");
        driver.throughTheStateId(journey, person);
        driver.byPhone(journey, person, phones::verifyCode);
        driver.protectTheData(account, journey);
        driver.complete(journey, "ConsentToShare", java.util.Map.of());
        driver.awaitEnded(journey);
        return (System.nanoTime() - started) / 1_000_000;
    }
}

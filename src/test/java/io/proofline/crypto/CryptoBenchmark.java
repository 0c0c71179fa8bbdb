package io.proofline.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.micrometer.core.instrument.MeterRegistry;
import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.Profiles;
import io.proofline.journey.JourneyId;
import io.proofline.proofing.Journeys;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;

/**
 * Not part of {@code mvn verify} (the name does not end in Test). Run it with
 * {@code mvn -o test -Dtest=CryptoBenchmark}; it prints its figures and writes them to
 * {@code target/crypto-benchmark.txt}. Uses the embedded default at the production scrypt cost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "proofline.data-dir=./target/crypto-benchmark", "proofline.vendor-stubs.port=0",
        "camunda.bpm.job-execution.enabled=false"})
class CryptoBenchmark {

    private static final List<String> REPORT = new ArrayList<>();

    @Autowired
    Accounts accounts;

    @Autowired
    Profiles profiles;

    @Autowired
    Journeys journeys;

    @Autowired
    PiiVault vault;

    @Autowired
    MeterRegistry meters;

    @Test
    void scryptAtTheProductionCost() {
        Scrypt.Cost cost = new Scrypt.Cost(1 << 16, 8, 1);
        byte[] salt = new byte[32];
        byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2; i++) {
            Scrypt.derive(password, salt, cost, 32);
        }
        int runs = 10;
        long[] millis = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Scrypt.derive(password, salt, cost, 32);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        report("scrypt N=2^16 r=8 p=1, 32 bytes: median %d ms, min %d ms, max %d ms (%d runs)", millis[runs / 2],
                millis[0], millis[runs - 1], runs);
    }

    @Test
    void signInTakesAsLongForAnUnknownEmailAsForAWrongPassword() {
        String email = "bench." + UUID.randomUUID() + "@example.org";
        accounts.signUp(email, "correct horse battery staple");
        int runs = 8; // sign-in allows 5 failures per subject in 15 minutes: each run a new unknown email, and
        long[] wrong = new long[runs]; // the registered one is reset by a right password between tries
        long[] unknown = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            accounts.signIn(email, "not the password at all", "203.0.113.7");
            wrong[i] = (System.nanoTime() - start) / 1_000_000;
            accounts.signIn(email, "correct horse battery staple", "203.0.113.7");
            start = System.nanoTime();
            accounts.signIn("nobody." + UUID.randomUUID() + "@example.org", "not the password at all", "203.0.113.7");
            unknown[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(wrong);
        Arrays.sort(unknown);
        report("sign-in refused (N=2^16): wrong password median %d ms (min %d, max %d); unknown email median %d ms "
                + "(min %d, max %d); %d runs each", wrong[runs / 2], wrong[0], wrong[runs - 1], unknown[runs / 2],
                unknown[0], unknown[runs - 1], runs);
    }

    @Test
    void aesGcmOneKilobyteJdkVersusBouncyCastle() throws InvalidCipherTextException {
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        byte[] plaintext = new byte[1024];
        byte[] aad = "profile:benchmark".getBytes(StandardCharsets.UTF_8);
        new SecureRandom().nextBytes(key);
        new SecureRandom().nextBytes(plaintext);
        int warmUp = 20_000;
        int runs = 100_000;

        byte[] sealed = AesGcm.encrypt(key, nonce, plaintext, aad);
        for (int i = 0; i < warmUp; i++) {
            AesGcm.decrypt(key, nonce, AesGcm.encrypt(key, nonce, plaintext, aad), aad);
        }
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            AesGcm.encrypt(key, nonce, plaintext, aad);
        }
        double jdkEncrypt = (System.nanoTime() - start) / 1000.0 / runs;
        start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            AesGcm.decrypt(key, nonce, sealed, aad);
        }
        double jdkDecrypt = (System.nanoTime() - start) / 1000.0 / runs;

        for (int i = 0; i < warmUp; i++) {
            bouncyCastle(false, key, nonce, bouncyCastle(true, key, nonce, plaintext, aad), aad);
        }
        start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            bouncyCastle(true, key, nonce, plaintext, aad);
        }
        double bcEncrypt = (System.nanoTime() - start) / 1000.0 / runs;
        start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            bouncyCastle(false, key, nonce, sealed, aad);
        }
        double bcDecrypt = (System.nanoTime() - start) / 1000.0 / runs;

        report("AES-256-GCM 1 KB, JDK:           encrypt %.2f us, decrypt %.2f us", jdkEncrypt, jdkDecrypt);
        report("AES-256-GCM 1 KB, Bouncy Castle: encrypt %.2f us, decrypt %.2f us", bcEncrypt, bcDecrypt);
    }

    @Test
    void derivationsAndKmsCallsPerRoundTrip() {
        double derivationsBefore = count(CryptoMetrics.SCRYPT_DERIVATIONS);
        double kmsBefore = count(CryptoMetrics.KMS_CALLS);
        String email = "benchmark." + UUID.randomUUID() + "@example.org";
        String password = "correct horse battery staple";
        long start = System.nanoTime();

        AccountId account = accounts.signUp(email, password);
        double afterSignUp = count(CryptoMetrics.SCRYPT_DERIVATIONS);
        JourneyId journey = journeys.startOrResume(account).id();
        vault.merge(journey, new ProofingPii("Ada", "Lovelace", LocalDate.of(1815, 12, 10), "12 St James's Sq", "London",
                "DC", "20001", String.format("9%08d", new SecureRandom().nextInt(100_000_000)), "+1 202 555 0100"));
        profiles.encryptProfile(account, journey, password);
        double afterEncrypt = count(CryptoMetrics.SCRYPT_DERIVATIONS);
        accounts.signIn(email, password, "203.0.113.7");
        long millis = (System.nanoTime() - start) / 1_000_000;

        double derivations = count(CryptoMetrics.SCRYPT_DERIVATIONS) - derivationsBefore;
        report("round trip sign-up -> encrypt profile -> sign-in: %.0f scrypt derivations (sign-up %.0f, encrypt %.0f, "
                + "sign-in %.0f), %.0f KMS calls, %d ms", derivations, afterSignUp - derivationsBefore,
                afterEncrypt - afterSignUp, count(CryptoMetrics.SCRYPT_DERIVATIONS) - afterEncrypt,
                count(CryptoMetrics.KMS_CALLS) - kmsBefore, millis);
        report("service start-up: %.0f scrypt derivations (shared attribute and session keys, then cached)",
                meters.find(CryptoMetrics.SCRYPT_DERIVATIONS).tag("purpose", "attribute-key").counters().stream()
                        .mapToDouble(c -> c.count()).sum()
                        + meters.find(CryptoMetrics.SCRYPT_DERIVATIONS).tag("purpose", "session-key").counters().stream()
                                .mapToDouble(c -> c.count()).sum());
    }

    @AfterAll
    static void writeReport() throws Exception {
        Path file = Path.of("target", "crypto-benchmark.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, REPORT);
    }

    private double count(String name) {
        return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static byte[] bouncyCastle(boolean encrypt, byte[] key, byte[] nonce, byte[] input, byte[] aad)
            throws InvalidCipherTextException {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
        byte[] out = new byte[gcm.getOutputSize(input.length)];
        int length = gcm.processBytes(input, 0, input.length, out, 0);
        gcm.doFinal(out, length);
        return out;
    }

    private static void report(String format, Object... arguments) {
        String line = String.format(Locale.ROOT, format, arguments);
        REPORT.add(line);
        System.out.println("[benchmark] " + line);
    }
}

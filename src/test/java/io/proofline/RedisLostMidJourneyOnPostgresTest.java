package io.proofline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.support.PostgresTestDatabase;
import io.proofline.support.ProoflineNode;
import io.proofline.support.WizardOverHttp;
import io.proofline.throttle.ThrottleType;
import io.proofline.throttle.Throttles;
import io.proofline.vendors.StubbedVendors;

/**
 * Redis restarted mid-journey (a Redis of this test's own, never the machine's shared one): the sessions and the
 * vault's in-progress PII are gone by design. The person is sent to sign in, signs in again, and is told their details
 * were deleted and starts again; no request fails, and nothing done before is counted again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisLostMidJourneyOnPostgresTest {

    WireMockServer stubs;
    int redisPort;
    Process redis;
    ProoflineNode node;

    @BeforeAll
    void start() throws Exception {
        stubs = StubbedVendors.startStubServer();
        redisPort = ProoflineNode.freePort();
        redis = startRedis();
        ProoflineNode.Cluster cluster = ProoflineNode.Cluster.on(PostgresTestDatabase.create(),
                "redis://127.0.0.1:" + redisPort, stubs.baseUrl());
        node = ProoflineNode.inThisJvm("redis-lost", cluster.node("redis-lost", Map.of()));
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (node != null) {
            node.close();
        }
        stopRedis();
        stubs.stop();
    }

    @Test
    void aRedisRestartEndsTheSessionButNotTheJourney() throws Exception {
        String email = "redis-lost." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        AccountId account = node.bean(Accounts.class).signUp(email, WizardOverHttp.PASSWORD);
        WizardOverHttp person = WizardOverHttp.at(node.url());
        person.signIn(email);
        person.step("ConsentToProofing", Map.of("consent", "on"));
        person.step("ChooseProofingPath", Map.of("proofingPath", "STATE_ID"));
        person.upload("");
        person.showCurrent("EnterSsn"); // the ID's fields wait in the vault

        stopRedis();
        redis = startRedis();

        person.get("/verify");
        assertThat(person.status()).as("signed out, not an error").isEqualTo(302);
        assertThat(person.location()).contains("/sign-in");
        person.get("/sign-in");
        assertThat(person.page()).as("told why").contains("id=\"session-expired\"");
        person.signIn(email);
        person.get("/verify");
        assertThat(person.page()).as("the journey is in the database, but the ID's fields went with the vault: "
                + "said, rather than a review with blank names").contains("id=\"details-lost\"");
        person.post("/verify/EnterSsn", Map.of("ssn", "900-12-3456"));
        assertThat(person.status()).as("nothing goes on with lost details").isEqualTo(302);
        person.get("/verify");
        assertThat(person.page()).contains("id=\"details-lost\"");

        person.post("/verify/start-over", Map.of());
        person.step("ConsentToProofing", Map.of("consent", "on"));
        person.step("ChooseProofingPath", Map.of("proofingPath", "STATE_ID"));
        person.upload("");
        person.showCurrent("EnterSsn");
        Throttles throttles = node.bean(Throttles.class);
        assertThat(throttles.check(account.toString(), ThrottleType.named("document")).remainingAttempts())
                .as("passed uploads count nothing, before or after").isEqualTo(4);
        assertThat(throttles.check(account.toString(), ThrottleType.named("resolution")).remainingAttempts())
                .as("no resolution with blank names").isEqualTo(3);
    }

    private Process startRedis() throws IOException {
        Process started = new ProcessBuilder(List.of("redis-server", "--port", String.valueOf(redisPort), "--save", "",
                "--appendonly", "no", "--daemonize", "no", "--bind", "127.0.0.1"))
                .redirectErrorStream(true).redirectOutput(Path.of("target", "redis-" + redisPort + ".log").toFile()).start();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            try (Socket probe = new Socket("127.0.0.1", redisPort)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
        return started;
    }

    private void stopRedis() throws InterruptedException {
        if (redis != null && redis.isAlive()) {
            redis.destroyForcibly(); // lost, not shut down: nothing saved
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

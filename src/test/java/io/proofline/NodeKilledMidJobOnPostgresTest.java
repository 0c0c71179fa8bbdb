package io.proofline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.support.PostgresTestDatabase;
import io.proofline.support.ProoflineNode;
import io.proofline.support.WizardOverHttp;
import io.proofline.vendors.StubbedVendors;

/**
 * A node killed (SIGKILL, a JVM of its own) while its job executor waits on a vendor for a journey's ID check: the
 * job's lock runs out (lock-time-in-millis, shortened here) and another node, or the node started again, runs the
 * job again; the vendor sees the same request twice under one Idempotency-Key, the journey goes on, and the person's
 * next page is the right one. Nothing of the killed node's unfinished work was committed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeKilledMidJobOnPostgresTest {

    static final String REDIS = "redis://127.0.0.1:6379";
    static final String DOCAUTH = "/docauth/v1/verify";
    /** Every node's: a job held longer than this by a node that is gone is taken by another. */
    static final Map<String, String> SHORT_LOCKS = Map.of("camunda.bpm.job-execution.lock-time-in-millis", "8000");
    static final Duration START_UP = Duration.ofMinutes(2);

    WireMockServer stubs;
    ProoflineNode.Cluster cluster;
    JdbcClient database;
    /** The node in this JVM, signing people up; it takes over from the killed node, then stops. */
    ProoflineNode first;
    ProoflineNode restarted;
    Person killedWhileAnotherNodeRuns;
    Person killedAlone;

    @BeforeAll
    void backendsAndTheFirstNode() {
        stubs = StubbedVendors.startStubServer();
        PostgresTestDatabase created = PostgresTestDatabase.create();
        cluster = ProoflineNode.Cluster.on(created, REDIS, stubs.baseUrl());
        database = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), created.jdbcUrl(),
                created.user(), ""));
        first = ProoflineNode.inThisJvm("first", cluster.node("first", SHORT_LOCKS));
        killedWhileAnotherNodeRuns = signUp();
        killedAlone = signUp();
    }

    @AfterAll
    void stop() throws InterruptedException {
        for (ProoflineNode node : new ProoflineNode[] {first, restarted}) {
            if (node != null) {
                node.close();
            }
        }
        stubs.stop();
    }

    @Test
    @Order(1)
    void aNodeKilledMidCheckHasItsJobTakenOverByTheOtherOnceTheLockExpires() throws Exception {
        JobExecutor firstsExecutor = ((ProcessEngineConfigurationImpl) first.bean(ProcessEngine.class)
                .getProcessEngineConfiguration()).getJobExecutor();
        firstsExecutor.shutdown(); // for a moment: the node to be killed is then the one that takes the check
        ProoflineNode doomed = ProoflineNode.inItsOwnJvm("doomed", cluster.node("doomed", SHORT_LOCKS), START_UP);
        WizardOverHttp browser = WizardOverHttp.at(doomed.url());
        Started journey = uploadWithTheCheckHeld(killedWhileAnotherNodeRuns, browser);
        List<Map<String, Object>> locked = database.sql(
                "select lock_owner_, lock_exp_time_ from act_ru_job where lock_owner_ is not null").query().listOfRows();
        assertThat(locked).as("the ID check's job, locked by the doomed node (all jobs: %s)",
                database.sql("select * from act_ru_job").query().listOfRows()).hasSize(1);
        Instant lockExpires = ((Timestamp) locked.get(0).get("lock_exp_time_")).toInstant();
        firstsExecutor.start(); // competing again, but the job is the doomed node's until its lock expires

        doomed.kill();
        browser.sendTo(first::url);

        browser.showCurrent("EnterSsn");
        List<LoggedRequest> checks = assertOneLogicalRequest(journey);
        assertThat(checks.get(1).getLoggedDate().toInstant()).as("taken over once the lock expired")
                .isAfterOrEqualTo(lockExpires.minusMillis(100)); // the database's clock and this JVM's
    }

    @Test
    @Order(2)
    void theOnlyNodeKilledMidCheckAndStartedAgainRunsTheCheckAgainUnderTheSameKey() throws Exception {
        first.close(); // down to one node: the one killed
        first = null;
        ProoflineNode doomed = ProoflineNode.inItsOwnJvm("doomed-alone", cluster.node("doomed-alone", SHORT_LOCKS),
                START_UP);
        WizardOverHttp browser = WizardOverHttp.at(doomed.url());
        Started journey = uploadWithTheCheckHeld(killedAlone, browser);

        doomed.kill();
        restarted = ProoflineNode.inThisJvm("restarted", cluster.node("restarted", SHORT_LOCKS));
        browser.sendTo(restarted::url);

        browser.showCurrent("EnterSsn");
        assertOneLogicalRequest(journey);
    }

    // ---- helpers

    record Person(String email, AccountId account) {
    }

    record Started(String journeyId, String processInstanceId) {
    }

    private Person signUp() {
        String email = "killed." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        return new Person(email, first.bean(Accounts.class).signUp(email, WizardOverHttp.PASSWORD));
    }

    /**
     * Signs in on the node, starts the state ID path and uploads the ID, the ID check's vendor made to answer only
     * after a minute for this journey: returns once the node's job executor is inside that call.
     */
    private Started uploadWithTheCheckHeld(Person person, WizardOverHttp browser) throws Exception {
        browser.signIn(person.email());
        browser.step("ConsentToProofing", Map.of("consent", "on"));
        browser.step("ChooseProofingPath", Map.of("proofingPath", "STATE_ID"));
        Started journey = database.sql("""
                select cast(id as varchar) as journey_id, process_instance_id from proofing_journey where active_account_id = ?""")
                .param(person.account().toString()).query(Started.class).single();
        String id = journey.journeyId();
        // The first ID check of this journey hangs (the node is killed meanwhile); the next gets the stubs' pass.
        stubs.stubFor(post(urlEqualTo(DOCAUTH)).atPriority(1).withHeader("Idempotency-Key", containing(id))
                .inScenario("slow " + id).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answered slowly")
                .willReturn(aResponse().withStatus(200).withFixedDelay(60_000)));
        browser.upload("");
        await().atMost(Duration.ofSeconds(30)).until(() -> checks(journey).size() == 1);
        return journey;
    }

    /** The vendor saw the check twice, under one key: one logical request, asked again by the node that took it. */
    private List<LoggedRequest> assertOneLogicalRequest(Started journey) {
        List<LoggedRequest> checks = checks(journey);
        assertThat(checks).as("the held request and the one after the lock expired").hasSize(2);
        assertThat(checks).extracting(request -> request.getHeader("Idempotency-Key")).containsOnly(
                checks.get(0).getHeader("Idempotency-Key"));
        return checks;
    }

    private List<LoggedRequest> checks(Started journey) {
        return stubs.findAll(postRequestedFor(urlEqualTo(DOCAUTH))
                .withHeader("Idempotency-Key", containing(journey.journeyId())));
    }
}

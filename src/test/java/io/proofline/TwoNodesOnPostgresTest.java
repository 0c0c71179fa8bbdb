package io.proofline;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.ProfileStatus;
import io.proofline.accounts.Profiles;
import io.proofline.journey.JourneyStep;
import io.proofline.proofing.Journey;
import io.proofline.proofing.JourneyEngine;
import io.proofline.proofing.Journeys;
import io.proofline.support.PostgresTestDatabase;
import io.proofline.support.ProoflineNode;
import io.proofline.support.WizardOverHttp;
import io.proofline.throttle.ThrottleType;
import io.proofline.throttle.Throttles;
import io.proofline.vendors.VendorId;
import io.proofline.vendors.VendorState;
import io.proofline.vendors.VendorStatus;
import io.proofline.vendors.StubbedVendors;

/**
 * Two whole nodes (web and job executor each) on one PostgreSQL database, one Redis and one vendor stub server,
 * started at the same moment: the models are deployed once, a journey moves between the nodes page by page, timers
 * due while both run fire once, and every vendor call is made once per attempt although both job executors compete
 * for every job.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesOnPostgresTest {

    static final String REDIS = "redis://127.0.0.1:6379";

    WireMockServer stubs;
    ProoflineNode a;
    ProoflineNode b;
    JdbcClient jdbc;

    @BeforeAll
    void bothNodesStartAtOnce() {
        stubs = StubbedVendors.startStubServer(); // its journal on: the tests count the vendors' requests
        ProoflineNode.Cluster cluster = ProoflineNode.Cluster.on(PostgresTestDatabase.create(), REDIS, stubs.baseUrl());
        CompletableFuture<ProoflineNode> first = CompletableFuture
                .supplyAsync(() -> ProoflineNode.inThisJvm("a", cluster.node("a", Map.of())));
        CompletableFuture<ProoflineNode> second = CompletableFuture
                .supplyAsync(() -> ProoflineNode.inThisJvm("b", cluster.node("b", Map.of())));
        a = first.join();
        b = second.join();
        jdbc = a.bean(JdbcClient.class);
    }

    @AfterAll
    void stop() throws InterruptedException {
        ClockUtil.reset();
        for (ProoflineNode node : new ProoflineNode[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        if (stubs != null) {
            stubs.stop();
        }
    }

    @Test
    void bothStartingAtOnceDeployTheModelsOnce() {
        assertThat(jdbc.sql("select count(*) from act_re_deployment").query(Long.class).single())
                .as("one deployment of the models (the engine's deployment lock)").isEqualTo(1L);
        Map<String, Long> versions = jdbc.sql("select key_, count(*) from act_re_procdef group by key_")
                .query((row, n) -> Map.entry(row.getString(1), row.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(versions).containsKeys("identity-proofing", "state-id-verification", "letter-verification")
                .allSatisfy((model, count) -> assertThat(count).as(model + " definitions").isEqualTo(1L));
    }

    @Test
    void aJourneyStartedOnOneNodeIsContinuedOnTheOtherPageByPageAndEachVendorCallIsMadeOnce() throws Exception {
        Person someone = signUp();
        WizardOverHttp person = WizardOverHttp.alternating(List.of(a.url(), b.url()));
        person.signIn(someone.email());
        person.throughTheStateId(ssn());
        String phone = "406555" + ThreadLocalRandom.current().nextInt(1000, 10000);
        person.step("ChooseAddressMethod", Map.of("addressMethod", "PHONE"));
        person.step("EnterPhone", Map.of("phone", phone));
        person.showCurrent("EnterOneTimeCode");
        person.post("/verify/EnterOneTimeCode", Map.of("code", WizardOverHttp.sentCode(stubs, "+1" + phone)));
        person.throughThePasswordAndPersonalKey();
        person.step("ConsentToShare", Map.of("consent", "on"));
        person.showCurrent("done");

        Journey journey = journeyOf(someone);
        Map<String, Long> requestsByKey = vendorRequests(journey);
        assertThat(requestsByKey.keySet()).as("every vendor of the path was asked")
                .anyMatch(key -> key.startsWith("/docauth/")).anyMatch(key -> key.startsWith("/resolution/"))
                .anyMatch(key -> key.startsWith("/dmv/")).anyMatch(key -> key.startsWith("/phone/"))
                .anyMatch(key -> key.startsWith("/telephony/"));
        assertThat(requestsByKey).as("requests per vendor and Idempotency-Key")
                .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
        assertThat(jobsRunBy()).as("both nodes' job executors took jobs").hasSize(2);
    }

    @Test
    void aLockoutTimerAndALetterExpiryDueWhileBothNodesRunFireOnce() throws Exception {
        Person lockedOut = signUp();
        WizardOverHttp first = WizardOverHttp.alternating(List.of(a.url(), b.url()));
        first.signIn(lockedOut.email());
        first.step("ConsentToProofing", Map.of("consent", "on"));
        first.step("ChooseProofingPath", Map.of("proofingPath", "STATE_ID"));
        for (int attempt = 1; attempt <= 4; attempt++) {
            first.upload("STUB:FAKE"); // the fourth rejected ID locks the upload for a day
        }
        Journey lockout = journeyOf(lockedOut);
        awaitStep(lockout, "WaitOutDocumentLockout");

        Person lettered = signUp();
        WizardOverHttp second = WizardOverHttp.alternating(List.of(b.url(), a.url()));
        second.signIn(lettered.email());
        second.throughTheStateId(ssn());
        second.step("ChooseAddressMethod", Map.of("addressMethod", "LETTER"));
        second.step("ConfirmLetterAddress", Map.of());
        second.throughThePasswordAndPersonalKey();
        second.showCurrent("EnterLetterCode");
        Journey letter = journeyOf(lettered);

        try {
            // Both engines read this JVM's one clock, as the nodes of a cluster read one time: both timers are due.
            ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(31))));
            awaitStep(lockout, "UploadDocuments");
            awaitStep(letter, "RequestNewLetter");
        } finally {
            ClockUtil.reset();
        }
        assertThat(timerFirings(lockout, "WaitOutDocumentLockout")).isEqualTo(1L);
        assertThat(timerFirings(letter, "LetterCodeExpired")).isEqualTo(1L);
        assertThat(a.bean(Profiles.class).status(lettered.account())).contains(ProfileStatus.EXPIRED);
        assertThat(vendorRequests(lockout)).as("four uploads, four checks")
                .hasSize(4).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
    }

    @Test
    void anOutageSwitchFlippedOnOneNodeIsSeenByTheOther() throws Exception {
        Person someone = signUp();
        WizardOverHttp person = WizardOverHttp.at(b.url());
        person.signIn(someone.email());
        person.step("ConsentToProofing", Map.of("consent", "on"));
        person.step("ChooseProofingPath", Map.of("proofingPath", "STATE_ID"));
        a.bean(VendorStatus.class).set(VendorId.DOCUMENT_AUTH, VendorState.OUTAGE); // an operator, on node A
        try {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)) // status-cache: 5 s
                    .until(() -> !b.bean(VendorStatus.class).isOperational(VendorId.DOCUMENT_AUTH));
            person.upload("");
            person.awaitPage("id=\"vendor-error\"", Duration.ofSeconds(60));
            Journey journey = journeyOf(someone);
            assertThat(vendorRequests(journey)).as("node B called no vendor in outage").isEmpty();
            assertThat(b.bean(Throttles.class).check(someone.account().toString(), ThrottleType.named("document"))
                    .remainingAttempts()).as("nothing counted").isEqualTo(4);
        } finally {
            a.bean(VendorStatus.class).set(VendorId.DOCUMENT_AUTH, VendorState.OPERATIONAL);
            await().atMost(Duration.ofSeconds(15)).until(() -> b.bean(VendorStatus.class)
                    .isOperational(VendorId.DOCUMENT_AUTH) && a.bean(VendorStatus.class).isOperational(VendorId.DOCUMENT_AUTH));
        }
    }

    // ---- helpers

    record Person(String email, AccountId account) {
    }

    private Person signUp() {
        String email = "two-nodes." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        return new Person(email, a.bean(Accounts.class).signUp(email, WizardOverHttp.PASSWORD));
    }

    private Journey journeyOf(Person person) {
        return a.bean(Journeys.class).latest(person.account()).orElseThrow();
    }

    private void awaitStep(Journey journey, String activityId) {
        JourneyEngine engine = b.bean(JourneyEngine.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> engine.currentStep(journey.id()), step -> activityId.equals(step.activityId()));
    }

    /** The vendor requests of a journey, counted by path and Idempotency-Key (journey ids are in every key). */
    private Map<String, Long> vendorRequests(Journey journey) {
        String id = journey.id().toString();
        return stubs.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(request -> request.getHeader("Idempotency-Key") != null
                        && request.getHeader("Idempotency-Key").contains(id))
                .collect(Collectors.groupingBy(TwoNodesOnPostgresTest::pathAndKey, TreeMap::new, Collectors.counting()));
    }

    private static String pathAndKey(LoggedRequest request) {
        return request.getUrl() + " " + request.getHeader("Idempotency-Key");
    }

    /** Which engines ran jobs: the history's job log names each (address and engine name). */
    private List<String> jobsRunBy() {
        return jdbc.sql("select distinct hostname_ from act_hi_job_log where job_state_ = 2").query(String.class).list();
    }

    /** How many times the timer's event happened in the journey (its activity instances that ended). */
    private long timerFirings(Journey journey, String timerId) {
        return jdbc.sql("""
                select count(*) from act_hi_actinst
                where root_proc_inst_id_ = ? and act_id_ = ? and end_time_ is not null""")
                .params(journey.processInstanceId(), timerId).query(Long.class).single();
    }

    private static String ssn() {
        return "900-" + ThreadLocalRandom.current().nextInt(10, 100) + "-" + ThreadLocalRandom.current().nextInt(1000, 10000);
    }
}

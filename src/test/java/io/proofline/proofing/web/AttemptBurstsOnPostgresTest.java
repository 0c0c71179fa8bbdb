package io.proofline.proofing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.journey.JourneyStep;
import io.proofline.proofing.Journey;
import io.proofline.proofing.JourneyEngine;
import io.proofline.proofing.Journeys;
import io.proofline.support.Concurrently;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.WizardOverHttp;
import io.proofline.system.ManagementPort;
import io.proofline.throttle.ThrottleType;
import io.proofline.throttle.Throttles;

/**
 * Twenty attempts at the same moment at a throttled code step (a double click, a script), and at the operators'
 * password: no request fails (no 500), and every attempt evaluated is counted exactly once. A code step is one
 * task of the journey: the first post completes it (its code checked and, wrong, counted by the process), the others
 * find the step gone and are shown the page again, evaluating nothing.
 */
class AttemptBurstsOnPostgresTest extends PostgresIntegrationTest {

    static final int AT_ONCE = 20;

    @Autowired Accounts accounts;
    @Autowired Journeys journeys;
    @Autowired JourneyEngine engine;
    @Autowired Throttles throttles;
    @Autowired JdbcClient jdbc;
    @Autowired ManagementPort managementPort;
    @LocalServerPort int port;
    @Value("${proofline.operator.username}") String operator;

    @Test
    void twentyWrongOneTimeCodesAtOnceAreEachEvaluatedAtMostOnceAndCountedOnce() throws Exception {
        AccountId account = signUp();
        WizardOverHttp person = WizardOverHttp.at("http://localhost:" + port);
        person.signIn(email);
        person.throughTheStateId(ssn());
        person.step("ChooseAddressMethod", Map.of("addressMethod", "PHONE"));
        person.step("EnterPhone", Map.of("phone", "406555" + ThreadLocalRandom.current().nextInt(1000, 10000)));
        person.showCurrent("EnterOneTimeCode");

        Map<Integer, Integer> statuses = atOnce(person, "/verify/EnterOneTimeCode", Map.of("code", "000000"));

        assertEvaluatedOnceAndCounted(account, "EnterOneTimeCode", ThrottleType.named("one-time-code"), 10, statuses);
        person.showCurrent("EnterOneTimeCode");
    }

    @Test
    void twentyWrongLetterCodesAtOnceAreEachEvaluatedAtMostOnceAndCountedOnce() throws Exception {
        AccountId account = signUp();
        WizardOverHttp person = WizardOverHttp.at("http://localhost:" + port);
        person.signIn(email);
        person.throughTheStateId(ssn());
        person.step("ChooseAddressMethod", Map.of("addressMethod", "LETTER"));
        person.step("ConfirmLetterAddress", Map.of());
        person.throughThePasswordAndPersonalKey();
        person.showCurrent("EnterLetterCode");

        Map<Integer, Integer> statuses = atOnce(person, "/verify/EnterLetterCode", Map.of("code", "0000000000"));

        assertEvaluatedOnceAndCounted(account, "EnterLetterCode", ThrottleType.named("letter-code"), 5, statuses);
        person.showCurrent("EnterLetterCode");
    }

    /**
     * The burst leaves the operator waiting (from this address, and the ceiling across addresses): the tests after it
     * in this shared context sign in as the operator, so its counts go with the test.
     */
    @AfterEach
    void theOperatorIsNotLeftWaitingForTheTestsAfter() {
        jdbc.sql("delete from throttle_counter where subject like 'operator:%'").update();
    }

    @Test
    void twentyWrongOperatorPasswordsAtOnceEvaluateExactlyTheLimit() {
        HttpClient http = HttpClient.newHttpClient();
        String wrong = "Basic " + Base64.getEncoder().encodeToString((operator + ":not-the-password")
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementPort.localUrl() + "/actuator/vendorstatus"))
                .header("Authorization", wrong).build();
        CountDownLatch allReady = new CountDownLatch(AT_ONCE);
        Map<Integer, Integer> statuses = new TreeMap<>();
        Concurrently.run(AT_ONCE, AT_ONCE, () -> {
            allReady.countDown();
            allReady.await();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }).forEach(status -> statuses.merge(status, 1, Integer::sum));

        // 401: the password was checked and was wrong; 429: refused before any check, the operator locked.
        assertThat(statuses).as("statuses").containsExactlyInAnyOrderEntriesOf(Map.of(401, 5, 429, AT_ONCE - 5));
    }

    // ---- helpers

    private String email;

    private AccountId signUp() {
        email = "burst." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        return accounts.signUp(email, WizardOverHttp.PASSWORD);
    }

    /** The form posted twenty times at the same moment from the person's browser, with the page's form token. */
    private static Map<Integer, Integer> atOnce(WizardOverHttp person, String path, Map<String, String> fields) {
        String token = person.formToken();
        CountDownLatch allReady = new CountDownLatch(AT_ONCE);
        Map<Integer, Integer> statuses = new TreeMap<>();
        Concurrently.run(AT_ONCE, AT_ONCE, () -> {
            allReady.countDown();
            allReady.await();
            return person.submit(path, token, fields).statusCode();
        }).forEach(status -> statuses.merge(status, 1, Integer::sum));
        return statuses;
    }

    /**
     * No error; once the journey is back at the step, the wrong codes counted are the step's completions (each a code
     * checked), and at least one was checked.
     */
    private void assertEvaluatedOnceAndCounted(AccountId account, String step, ThrottleType throttle, int limit,
            Map<Integer, Integer> statuses) {
        assertThat(statuses.keySet()).as("statuses " + statuses).isSubsetOf(200, 302);
        Journey journey = journeys.latest(account).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JourneyStep now = engine.currentStep(journey.id());
            // No job left to run now (the letter's 30-day expiry timer waits, due later).
            return now.isTask(step) && jdbc.sql("select count(*) from act_ru_job where process_instance_id_ in "
                    + "(select id_ from act_ru_execution where root_proc_inst_id_ = ?)"
                    + " and (duedate_ is null or duedate_ < now() + interval '1 hour')")
                    .param(journey.processInstanceId()).query(Long.class).single() == 0;
        });
        long evaluated = jdbc.sql("""
                select count(*) from act_hi_taskinst where root_proc_inst_id_ = ? and task_def_key_ = ?
                and end_time_ is not null""").params(journey.processInstanceId(), step).query(Long.class).single();
        int counted = limit - throttles.check(account.toString(), throttle).remainingAttempts();
        assertThat(evaluated).as("codes checked (the step's completions); statuses " + statuses).isBetween(1L, (long) limit);
        assertThat(counted).as("wrong codes counted").isEqualTo((int) evaluated);
    }

    private static String ssn() {
        return "900-" + ThreadLocalRandom.current().nextInt(10, 100) + "-" + ThreadLocalRandom.current().nextInt(1000, 10000);
    }

}

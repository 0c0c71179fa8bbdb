package io.proofline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.proofline.accounts.Accounts;
import io.proofline.journey.JourneyId;
import io.proofline.proofing.Journey;
import io.proofline.proofing.Journeys;
import io.proofline.support.Concurrently;

/**
 * The requests of the engine-lock report (issue: operators cannot view or change PII, nobody drives the engine
 * from outside), replayed against the running service: the engine's REST API, Cockpit's API anonymously and as
 * the operator, and a planted model. Each must be refused, and leave nothing changed. Run in the embedded
 * default and in the postgres profile ({@link EngineLockInTheEmbeddedDefaultTest}, {@link EngineLockOnPostgresTest}).
 */
interface EngineLockChecks {

    /** The running service's context, where every check finds what it needs. */
    ApplicationContext context();

    private String publicBase() {
        return "http://localhost:" + context().getEnvironment().getRequiredProperty("local.server.port");
    }

    private String managementBase() {
        return context().getBean(ManagementPort.class).localUrl();
    }

    private ProcessEngine engine() {
        return context().getBean(ProcessEngine.class);
    }

    private String operator() {
        return context().getEnvironment().getRequiredProperty("proofline.operator.username");
    }

    private String operatorPassword() {
        return context().getEnvironment().getRequiredProperty("proofline.operator.password");
    }

    private Journeys journeys() {
        return context().getBean(Journeys.class);
    }

    private Accounts accounts() {
        return context().getBean(Accounts.class);
    }

    /** A model whose expressions reach for the service's keys, the vault and the database. */
    String PLANTED_MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         targetNamespace="https://example.org/planted">
              <process id="planted" name="Planted" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="Start" name="Start"/>
                <sequenceFlow id="F1" sourceRef="Start" targetRef="Steal"/>
                <serviceTask id="Steal" name="Steal" camunda:expression="${execution.setVariable('email', attributeEncryptor.toString())}"/>
                <sequenceFlow id="F2" sourceRef="Steal" targetRef="End"/>
                <endEvent id="End" name="End"/>
              </process>
            </definitions>
            """;

    /** A model that names no bean at all, but is not one the service was packaged with. */
    String HARMLESS_MODEL = PLANTED_MODEL.replace("${execution.setVariable('email', attributeEncryptor.toString())}",
            "${execution.setVariable('note', 'hello')}").replace("planted", "harmless");

    /** How an attacker spells one path to slip past a filter that compares strings. */
    static List<String> spellings(String path) {
        int second = path.indexOf('/', 1);
        String first = path.substring(1, second);
        String rest = path.substring(second);
        return List.of(path, path + "/", "/" + first.toUpperCase() + rest,
                "/" + Character.toUpperCase(first.charAt(0)) + first.substring(1) + rest,
                "/" + first + ";x=1" + rest, "//" + first + rest, "/" + first + "//" + rest.substring(1),
                "/./" + first + rest, "/%" + Integer.toHexString(first.charAt(0)) + first.substring(1) + rest,
                "/" + first + "%2F" + rest.substring(1), "/" + first + "%2f" + rest.substring(1));
    }

    private HttpResponse<String> anonymous(String method, String url, String json) throws IOException, InterruptedException {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + " → " + response.body()).isIn(400, 401, 403, 404);
    }

    /**
     * Refused by the engine itself, for want of a right or because the identity store is read-only; not by a
     * lost session or a missing anti-forgery token, which would prove nothing about the operator's rights.
     */
    private static void assertForbiddenToOperator(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + " → " + response.body()).isEqualTo(403);
        assertThat(response.body()).as(what).containsAnyOf("\"type\":\"AuthorizationException\"",
                "Identity service implementation is read-only");
    }

    private CockpitClient signedInOperator() throws IOException, InterruptedException {
        CockpitClient cockpit = new CockpitClient(managementBase(), engine().getName());
        assertThat(cockpit.signIn(operator(), operatorPassword())).as("the operator signs in to Cockpit").isEqualTo(200);
        return cockpit;
    }

    @Test
    default void theEngineRestApiIsServedOnNeitherPortHoweverItIsSpelled() throws Exception {
        long users = engine().getIdentityService().createUserQuery().count();
        for (String base : List.of(publicBase(), managementBase())) {
            for (String spelling : spellings("/engine-rest/user")) {
                HttpResponse<String> response = anonymous("GET", base + spelling, null);
                assertThat(response.statusCode()).as(base + spelling).isIn(400, 404);
                assertThat(response.body()).as(base + spelling).doesNotContain(operator());
            }
            for (String spelling : spellings("/engine-rest/user/create")) {
                assertThat(anonymous("POST", base + spelling,
                        "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder-password\"}}").statusCode())
                        .as(base + spelling).isIn(400, 404);
            }
        }
        assertThat(engine().getIdentityService().createUserQuery().count()).isEqualTo(users);
        assertThatThrownBy(() -> Class.forName("org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"))
                .as("the engine's REST API is not in the service at all").isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    default void cockpitAndActuatorAreNotServedOnThePublicPortHoweverTheyAreSpelled() throws Exception {
        String engineName = engine().getName();
        for (String path : List.of("/camunda/api/engine/engine/" + engineName + "/user", "/camunda/app/cockpit/" + engineName + "/",
                "/camunda/api/admin/auth/user/" + engineName, "/actuator/health", "/actuator/vendorstatus")) {
            for (String spelling : spellings(path)) {
                HttpResponse<String> response = anonymous("GET", publicBase() + spelling, null);
                assertThat(response.statusCode()).as(spelling).isIn(400, 404);
                assertThat(response.body()).as(spelling).doesNotContain("\"id\":\"" + operator() + "\"", "<title>Camunda",
                        "\"status\":\"UP\"");
            }
        }
    }

    @Test
    default void cockpitsApiRefusesAnonymousCallersAndUnusualSpellingsOnTheManagementPort() throws Exception {
        String users = "/camunda/api/engine/engine/" + engine().getName() + "/user";
        assertThat(anonymous("GET", managementBase() + users, null).statusCode()).isEqualTo(401);
        for (String spelling : spellings(users).subList(2, spellings(users).size())) {
            assertThat(anonymous("GET", managementBase() + spelling, null).statusCode()).as(spelling).isIn(400, 404);
        }
        assertThat(anonymous("GET", managementBase() + "/verify", null).statusCode())
                .as("the people's pages are not on the management port").isEqualTo(404);
    }

    @Test
    default void nobodyIsOfferedTheSetupOfAFirstAdministrator() throws Exception {
        String engineName = engine().getName();
        for (String base : List.of(publicBase(), managementBase())) {
            assertRefused(anonymous("POST", base + "/camunda/api/admin/setup/" + engineName + "/user/create",
                    "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder-password\"}}"), base + " setup");
            assertRefused(anonymous("GET", base + "/camunda/app/admin/" + engineName + "/setup/", null), base + " setup page");
        }
        HttpResponse<String> cockpit = anonymous("GET", managementBase() + "/camunda/app/cockpit/" + engineName + "/", null);
        assertThat(cockpit.statusCode()).as("Cockpit's login, not a redirect to the setup").isEqualTo(200);
        assertThat(engine().getIdentityService().createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count())
                .as("nobody is above the authorization checks").isZero();
        assertThat(engine().getIdentityService().createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    default void anOperatorCannotAddAUserJoinAGroupGrantARightOrChangeAPassword() throws Exception {
        CockpitClient cockpit = signedInOperator();

        assertForbiddenToOperator(cockpit.sendJson("POST", "/user/create",
                "{\"profile\":{\"id\":\"accomplice\",\"firstName\":\"A\",\"lastName\":\"B\"},\"credentials\":{\"password\":\"accomplice-pw-1\"}}"),
                "user create");
        assertForbiddenToOperator(cockpit.sendJson("PUT", "/group/" + Groups.CAMUNDA_ADMIN + "/members/" + operator(), null), "join camunda-admin");
        assertForbiddenToOperator(cockpit.sendJson("POST", "/group/create", "{\"id\":\"" + Groups.CAMUNDA_ADMIN + "\",\"name\":\"x\",\"type\":\"SYSTEM\"}"),
                "group create");
        assertForbiddenToOperator(cockpit.sendJson("POST", "/authorization/create", "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\""
                + operator() + "\",\"resourceType\":6,\"resourceId\":\"*\"}"), "grant ALL on definitions");
        assertForbiddenToOperator(cockpit.sendJson("PUT", "/user/" + operator() + "/credentials",
                "{\"password\":\"taken-over-password\",\"authenticatedUserPassword\":\"a wrong guess\"}"), "password with a wrong current one");

        var identities = engine().getIdentityService();
        assertThat(identities.createUserQuery().userId("accomplice").count()).isZero();
        assertThat(identities.createGroupQuery().groupMember(operator()).list()).extracting("id")
                .containsExactly("proofline-operators");
        assertThat(identities.checkPassword(operator(), operatorPassword())).isTrue();
        assertThat(identities.checkPassword(operator(), "taken-over-password")).isFalse();
        assertThat(engine().getAuthorizationService().createAuthorizationQuery().userIdIn(operator()).list())
                .extracting("resourceId").containsExactly(operator());
    }

    @Test
    default void anOperatorCannotDeployStartModifyCancelOrCompleteAJourney() throws Exception {
        Journey journey = journeys().startOrResume(
                accounts().signUp("lock." + UUID.randomUUID() + "@example.org", "a long and honest passphrase"));
        String instance = journey.processInstanceId();
        Task consent = engine().getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        long deployments = engine().getRepositoryService().createDeploymentQuery().count();
        assertThat(engine().getProcessEngineConfiguration().isAuthorizationEnabled()).as("every Cockpit call is checked")
                .isTrue();
        CockpitClient cockpit = signedInOperator();

        assertForbiddenToOperator(cockpit.deploy("planted.bpmn", PLANTED_MODEL), "deploy a planted model");
        assertForbiddenToOperator(cockpit.sendJson("POST", "/process-definition/key/identity-proofing/start", "{\"businessKey\":\""
                + JourneyId.random() + "\"}"), "start a journey");
        assertForbiddenToOperator(cockpit.sendJson("POST", "/process-instance/" + instance + "/modification",
                "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"ConsentToProofing\"},"
                        + "{\"type\":\"startBeforeActivity\",\"activityId\":\"ActivateProfile\"}]}"), "modify the journey");
        assertForbiddenToOperator(cockpit.sendJson("PUT", "/process-instance/" + instance + "/variables/proofingPath",
                "{\"value\":\"PIV_CAC\",\"type\":\"String\"}"), "set a variable");
        assertForbiddenToOperator(cockpit.sendJson("PUT", "/process-instance/" + instance + "/suspended", "{\"suspended\":true}"),
                "suspend the journey");
        assertForbiddenToOperator(cockpit.sendJson("DELETE", "/process-instance/" + instance, null), "cancel the journey");
        assertForbiddenToOperator(cockpit.sendJson("POST", "/task/" + consent.getId() + "/claim", "{\"userId\":\"" + operator() + "\"}"), "claim");
        assertForbiddenToOperator(cockpit.sendJson("POST", "/task/" + consent.getId() + "/complete", "{\"variables\":{}}"), "complete a step");

        var runtime = engine().getRuntimeService();
        assertThat(runtime.getActiveActivityIds(instance)).containsExactly("ConsentToProofing");
        assertThat(runtime.getVariable(instance, "proofingPath")).isNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().isSuspended()).isFalse();
        assertThat(engine().getTaskService().createTaskQuery().taskId(consent.getId()).singleResult().getAssignee()).isNull();
        assertThat(engine().getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
        journeys().abandon(journey.accountId());
    }

    /** A review's probe: a user name with a space answered HTTP 500. Any name is a wrong name, never an error. */
    @Test
    default void anUnusualOperatorNameIsAWrongNameNotAnError() throws Exception {
        for (String name : new String[] {"an operator", "x".repeat(300), "op\u0000", "<script>"}) {
            assertThat(new CockpitClient(managementBase(), engine().getName()).signIn(name, "guess"))
                    .as(name.length() > 20 ? "a 300-character name" : name).isEqualTo(401);
        }
    }

    @Test
    default void wrongPasswordsAtCockpitsSignInMakeTheirAddressWaitForAWhile() throws Exception {
        try {
            for (int guess = 1; guess <= 5; guess++) {
                assertThat(new CockpitClient(managementBase(), engine().getName()).signIn(operator(), "guess " + guess))
                        .as("guess " + guess).isEqualTo(401);
            }
            assertThat(new CockpitClient(managementBase(), engine().getName()).signIn(operator(), operatorPassword()))
                    .as("even the right password, from the address that guessed, while it waits").isEqualTo(429);
        } finally {
            // the waits of this address and the operator's ceiling (their subjects hold a fingerprint of the address)
            context().getBean(JdbcTemplate.class).update("delete from throttle_counter where subject like 'operator:%'");
        }
        signedInOperator();
    }

    /** Twenty guesses at the same moment (a script): exactly the limit is checked, the rest refused before any check. */
    @Test
    default void twentyWrongPasswordsAtCockpitsSignInAtOnceEvaluateExactlyTheLimit() throws Exception {
        int atOnce = 20;
        List<CockpitClient> clients = new ArrayList<>();
        for (int client = 0; client < atOnce; client++) {
            CockpitClient cockpit = new CockpitClient(managementBase(), engine().getName());
            cockpit.openTheSignInPage();
            clients.add(cockpit);
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch allReady = new CountDownLatch(atOnce);
        Map<Integer, Integer> statuses = new TreeMap<>();
        try {
            Concurrently.run(atOnce, atOnce, () -> {
                CockpitClient mine = clients.get(next.getAndIncrement());
                allReady.countDown();
                allReady.await();
                return mine.submitSignIn(operator(), "a guess");
            }).forEach(status -> statuses.merge(status, 1, Integer::sum));
        } finally {
            context().getBean(JdbcTemplate.class).update("delete from throttle_counter where subject like 'operator:%'");
        }
        // 401: checked and wrong; 429: refused before any check, the address waiting
        assertThat(statuses).as("statuses").containsExactlyInAnyOrderEntriesOf(Map.of(401, 5, 429, atOnce - 5));
    }

    @Test
    default void theEngineRefusesAnyModelButThePackagedOnesWhoeverDeploysIt() {
        var repository = engine().getRepositoryService();
        long deployments = repository.createDeploymentQuery().count();
        long planted = repository.createProcessDefinitionQuery().processDefinitionKeyIn("planted", "harmless").count();

        assertThatThrownBy(() -> repository.createDeployment().addString("planted.bpmn", PLANTED_MODEL).deploy())
                .hasMessageContaining("Deployment refused").hasMessageContaining("names the bean 'attributeEncryptor'");
        assertThatThrownBy(() -> repository.createDeployment().addString("harmless.bpmn", HARMLESS_MODEL).deploy())
                .hasMessageContaining("Deployment refused").hasMessageContaining("not one of the models packaged");

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKeyIn("planted", "harmless").count())
                .isEqualTo(planted);
    }

    @Test
    default void expressionsReachOnlyTheDelegatesListenersAndPolicy() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration();
        for (String forbidden : List.of("attributeEncryptor", "piiVault", "jdbcClient", "dataSource", "accounts")) {
            assertThatThrownBy(() -> evaluate(configuration, "${" + forbidden + "}")).as(forbidden)
                    .hasMessageContaining(forbidden);
        }
        assertThat(evaluate(configuration, "${proofingPolicy.vendorRetryCycle}")).isEqualTo("R3/PT5M");
        assertThat(evaluate(configuration, "${checkLockoutDelegate}")).isInstanceOf(JavaDelegate.class);
    }

    private static Object evaluate(ProcessEngineConfigurationImpl configuration, String expression) {
        return configuration.getCommandExecutorTxRequired().execute(context -> configuration.getExpressionManager()
                .createExpression(expression).getValue(StartProcessVariableScope.getSharedInstance()));
    }

    @Test
    default void anOperatorReadsIncidentsAndHistoryAndRetriesAFailedJob() throws Exception {
        ProcessInstance letter = FailedJobs.letterForNobody(engine());
        try {
            Job job = FailedJobs.failedOnce(engine(), letter.getId());
            engine().getManagementService().setJobRetries(job.getId(), 0);
            String incident = engine().getRuntimeService().createIncidentQuery().processInstanceId(letter.getId())
                    .singleResult().getId();
            CockpitClient cockpit = signedInOperator();

            HttpResponse<String> incidents = cockpit.get(cockpit.api("/incident?processInstanceId=" + letter.getId()));
            assertThat(incidents.statusCode()).isEqualTo(200);
            assertThat(incidents.body()).contains(incident);
            assertThat(cockpit.get(cockpit.api("/job?processInstanceId=" + letter.getId())).body()).contains(job.getId());
            assertThat(cockpit.get(cockpit.api("/history/process-instance?processInstanceId=" + letter.getId())).statusCode())
                    .isEqualTo(200);

            HttpResponse<String> retried = cockpit.sendJson("PUT", "/job/" + job.getId() + "/retries", "{\"retries\":1}");

            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(204);
            assertThat(engine().getHistoryService().createUserOperationLogQuery().userId(operator())
                    .operationType("SetJobRetries").jobId(job.getId()).count()).as("who retried what is kept").isPositive();
        } finally {
            engine().getRuntimeService().deleteProcessInstance(letter.getId(), "test over");
        }
    }

    // The staff's own pages on the management port (issue 15): analysts reach /analytics, nothing of the operators',
    // and a staff session is nobody on the public port.

    private String staffPassword(String role) {
        return context().getEnvironment().getRequiredProperty("proofline.staff." + role + ".password");
    }

    private String staffName(String role) {
        return context().getEnvironment().getRequiredProperty("proofline.staff." + role + ".username");
    }

    private StaffPagesClient signedInStaff(String role) throws IOException, InterruptedException {
        StaffPagesClient staff = new StaffPagesClient(managementBase());
        HttpResponse<String> signIn = staff.signIn(staffName(role), staffPassword(role));
        assertThat(signIn.statusCode()).as(role + " signs in").isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/analytics");
        return staff;
    }

    private HttpResponse<String> basic(String method, String url, String user, String password, String json)
            throws IOException, InterruptedException {
        String credentials = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    default void anAnalystSignsInAtTheManagementPortSeesTheJourneysAndSignsOut() throws Exception {
        StaffPagesClient analyst = signedInStaff("analyst");
        assertThat(analyst.cookies).as("a session of the staff's own, not the people's cookie")
                .containsKey("proofline-staff-session").doesNotContainKey(
                        context().getEnvironment().getRequiredProperty("server.servlet.session.cookie.name"));

        HttpResponse<String> dashboard = analyst.get("/analytics");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<h1>Journeys</h1>");
        assertThat(analyst.get("/analytics?lang=fr").body()).contains("<h1>Parcours</h1>");

        HttpResponse<String> signOut = analyst.signOut();
        assertThat(signOut.headers().firstValue("Location").orElseThrow()).endsWith("/analytics/sign-in?signedOut");
        assertThat(analyst.get("/analytics").statusCode()).as("signed out on the server").isEqualTo(302);
    }

    @Test
    default void withoutASignInAnalyticsLeadsToTheSignInAndIsNotServedOnThePublicPort() throws Exception {
        HttpResponse<String> stranger = new StaffPagesClient(managementBase()).get("/analytics");
        assertThat(stranger.statusCode()).isEqualTo(302);
        assertThat(stranger.headers().firstValue("Location").orElseThrow()).endsWith("/analytics/sign-in");
        for (String path : spellings("/analytics/sign-in")) {
            assertRefused(anonymous("GET", publicBase() + path, null), "public port " + path);
        }
        assertThat(anonymous("GET", publicBase() + "/analytics", null).statusCode()).isEqualTo(404);
        assertThat(anonymous("GET", managementBase() + "/analytics;x=1", null).statusCode()).isEqualTo(404);
    }

    @Test
    default void aReviewerAndAnOperatorDoNotSeeTheAnalystsPages() throws Exception {
        StaffPagesClient reviewer = signedInStaff("reviewer");
        assertThat(reviewer.get("/analytics").statusCode()).as("reviewer pages come later").isEqualTo(403);
        StaffPagesClient operator = new StaffPagesClient(managementBase());
        operator.signIn(operator(), operatorPassword());
        assertThat(operator.get("/analytics").statusCode()).isEqualTo(403);
    }

    @Test
    default void anAnalystIsRefusedAtCockpitAndAtActuatorsWrites() throws Exception {
        String analyst = staffName("analyst");
        String password = staffPassword("analyst");
        assertThat(new CockpitClient(managementBase(), engine().getName()).signIn(analyst, password))
                .as("Cockpit: analysts hold no right in the engine").isEqualTo(403);
        assertThat(basic("POST", managementBase() + "/actuator/vendorstatus/phone", analyst, password,
                "{\"state\":\"OUTAGE\"}").statusCode()).as("vendor outage switch").isEqualTo(403);
        assertThat(basic("POST", managementBase() + "/actuator/agencies", analyst, password, "{}").statusCode())
                .as("agencies").isEqualTo(403);
        assertThat(basic("POST", managementBase() + "/actuator/vendorstatus/phone", staffName("reviewer"),
                staffPassword("reviewer"), "{\"state\":\"OUTAGE\"}").statusCode()).isEqualTo(403);
        assertThat(anonymous("GET", managementBase() + "/actuator/vendorstatus/phone", null).body())
                .contains("OPERATIONAL");
        var identities = engine().getIdentityService();
        assertThat(identities.createGroupQuery().groupMember(analyst).list()).extracting("id")
                .containsExactly("proofline-analysts");
        assertThat(identities.createGroupQuery().groupMember(staffName("reviewer")).list()).extracting("id")
                .containsExactly("proofline-reviewers");
        assertThat(engine().getAuthorizationService().createAuthorizationQuery().groupIdIn("proofline-analysts",
                "proofline-reviewers").count()).as("no right in the engine").isZero();
    }

    @Test
    default void aStaffSessionSignsNobodyInOnThePublicPort() throws Exception {
        StaffPagesClient analyst = signedInStaff("analyst");
        String staffSession = analyst.cookies.get("proofline-staff-session");
        String peoplesCookie = context().getEnvironment().getRequiredProperty("server.servlet.session.cookie.name");
        for (String cookie : List.of(analyst.cookieHeader(), peoplesCookie + "=" + staffSession)) {
            for (String page : List.of("/account", "/verify", "/account/verified-identity")) {
                HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                        .send(HttpRequest.newBuilder(URI.create(publicBase() + page)).header("Cookie", cookie).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(page + " with " + cookie.split("=")[0]).isIn(302, 303, 404);
                if (response.statusCode() != 404) {
                    assertThat(response.headers().firstValue("Location").orElseThrow()).as(page).contains("/sign-in");
                }
            }
        }
        assertThat(analyst.get("/analytics").statusCode()).as("still signed in where it belongs").isEqualTo(200);
    }

    @Test
    default void wrongStaffPasswordsAtTheAnalystsSignInMakeTheirAddressWaitForAWhile() throws Exception {
        String analyst = staffName("analyst");
        try {
            for (int guess = 1; guess <= 5; guess++) {
                HttpResponse<String> wrong = new StaffPagesClient(managementBase()).signIn(analyst, "guess " + guess);
                assertThat(wrong.statusCode()).as("guess " + guess).isEqualTo(302);
                assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/analytics/sign-in?error");
            }
            StaffPagesClient waiting = new StaffPagesClient(managementBase());
            HttpResponse<String> right = waiting.signIn(analyst, staffPassword("analyst"));
            assertThat(right.statusCode()).as("even the right password, from the address that guessed").isEqualTo(429);
            assertThat(right.headers().firstValue("Retry-After")).isPresent();
            assertThat(right.body()).contains("Too many wrong passwords");
            assertThat(waiting.get("/analytics").statusCode()).as("not signed in").isEqualTo(302);
            assertThat(new StaffPagesClient(managementBase()).signIn("an analyst", "guess").headers()
                    .firstValue("Location").orElseThrow()).as("an unusual name is a wrong name").endsWith("?error");
        } finally {
            context().getBean(JdbcTemplate.class).update("delete from throttle_counter where subject like 'operator:%'");
        }
        signedInStaff("analyst");
    }
}

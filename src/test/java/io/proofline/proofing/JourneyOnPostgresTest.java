package io.proofline.proofing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.proofline.accounts.AccountId;
import io.proofline.journey.JourneyId;
import io.proofline.journey.JourneyStep;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.system.ManagementPort;

class JourneyOnPostgresTest extends PostgresIntegrationTest {

    @Autowired
    Journeys journeys;

    @Autowired
    JourneyRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ManagementPort managementPort;

    @Value("${proofline.operator.username}")
    String operator;

    @Value("${proofline.operator.password}")
    String operatorPassword;

    /** Actuator is served on the management port only; its health details to an operator. */
    private TestRestTemplate management() {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(managementPort.localUrl()));
    }

    @Autowired
    JourneyEngine engine;

    @Test
    void aStartedJourneyIsAProcessInstanceInTheEngineRuntimeTables() {
        AccountId account = new AccountId(UUID.randomUUID());

        Journey journey = journeys.startOrResume(account);

        Map<String, Object> execution = jdbc.sql("""
                select e.proc_inst_id_, d.key_ from act_ru_execution e
                join act_re_procdef d on d.id_ = e.proc_def_id_
                where e.business_key_ = ? and e.parent_id_ is null""")
                .param(journey.id().toString())
                .query().singleRow();
        assertThat(execution).containsEntry("proc_inst_id_", journey.processInstanceId())
                .containsEntry("key_", "identity-proofing");
        assertThat(jdbc.sql("select count(*) from act_ru_task where proc_inst_id_ = ? and task_def_key_ = ?")
                .params(journey.processInstanceId(), "ConsentToProofing").query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void anAccountHasOneActiveJourneyAndResumesIt() {
        AccountId account = new AccountId(UUID.randomUUID());

        Journey first = journeys.startOrResume(account);
        Journey again = journeys.startOrResume(account);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(jdbc.sql("select count(*) from act_ru_execution where business_key_ = ?")
                .param(first.id().toString()).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void theDatabaseRefusesASecondActiveJourneyForTheSameAccount() {
        AccountId account = new AccountId(UUID.randomUUID());
        journeys.startOrResume(account);

        assertThatThrownBy(() -> jdbc.sql(
                "insert into proofing_journey (id, account_id, active_account_id, started_at) values (?, ?, ?, now())")
                .params(UUID.randomUUID(), account.toString(), account.toString()).update())
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void theRepositoryRefusesASecondActiveJourneyAsADuplicateKey() {
        AccountId account = new AccountId(UUID.randomUUID());
        journeys.startOrResume(account);

        assertThatThrownBy(() -> repository.insert(new ProofingJourney(JourneyId.random(), account, Instant.now())))
                .as("a start at the same moment on another node").isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void theLatestJourneyIsTheMostRecentOneRunningOrEnded() {
        AccountId account = new AccountId(UUID.randomUUID());
        Journey first = journeys.startOrResume(account);
        journeys.abandon(account);
        assertThat(journeys.active(account)).isEmpty();
        assertThat(journeys.latest(account)).contains(first);

        Journey second = journeys.startOrResume(account);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.processInstanceId()).isNotNull().isNotEqualTo(first.processInstanceId());
        assertThat(journeys.active(account)).contains(second);
        assertThat(journeys.latest(account)).contains(second);
        assertThat(journeys.find(first.id())).contains(first);
        assertThat(jdbc.sql("select ended_at from proofing_journey where id = ?").param(first.id().value())
                .query(Instant.class).single()).isNotNull();
    }

    @Test
    void theWizardFollowsTheEngineAndAStaleFormChangesNothing() {
        Journey journey = journeys.startOrResume(new AccountId(UUID.randomUUID()));

        assertThat(engine.currentStep(journey.id())).extracting(JourneyStep::kind, JourneyStep::activityId)
                .containsExactly(JourneyStep.Kind.TASK, "ConsentToProofing");
        assertThatThrownBy(() -> engine.completeStep(journey.id(), "ChooseProofingPath", Map.of("proofingPath", "STATE_ID")))
                .isInstanceOf(StaleStepException.class);
        assertThat(engine.currentStep(journey.id()).activityId()).isEqualTo("ConsentToProofing");

        engine.completeStep(journey.id(), "ConsentToProofing", Map.of());

        assertThat(engine.currentStep(journey.id())).extracting(JourneyStep::kind, JourneyStep::activityId)
                .containsExactly(JourneyStep.Kind.TASK, "ChooseProofingPath");
        assertThatThrownBy(() -> engine.completeStep(journey.id(), "ConsentToProofing", Map.of()))
                .as("a second tab submitting consent again").isInstanceOf(StaleStepException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthReportsEngineDatabaseAndRedisUp() {
        Map<String, Object> health = management().withBasicAuth(operator, operatorPassword).getForObject("/actuator/health", Map.class);

        assertThat(health).containsEntry("status", "UP");
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.get("components");
        assertThat(components).containsKeys("processEngine", "jobExecutor", "db", "redis");
        assertThat(components.get("db").get("details").toString()).contains("PostgreSQL");
        assertThat(components.get("redis")).containsEntry("status", "UP");
    }
}

package io.proofline.proofing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.proofline.accounts.AccountId;
import io.proofline.journey.JourneyId;
import io.proofline.support.PostgresIntegrationTest;

/**
 * The engine (MyBatis) and our tables (JPA) share one DataSource and Boot's one JpaTransactionManager, so a
 * step's own writes and the engine's commit or roll back together.
 */
class SharedTransactionOnPostgresTest extends PostgresIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DataSource dataSource;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JourneyRepository repository;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private final JourneyId journey = JourneyId.random();
    private final AccountId account = new AccountId(UUID.randomUUID());

    @Test
    void theEngineRunsOnBootsOneJpaTransactionManagerAndOurDataSource() {
        SpringProcessEngineConfiguration engine = (SpringProcessEngineConfiguration) processEngine
                .getProcessEngineConfiguration();

        assertThat(context.getBeansOfType(PlatformTransactionManager.class)).containsOnlyKeys("transactionManager");
        assertThat(transactionManager).isInstanceOf(JpaTransactionManager.class);
        assertThat(engine.getTransactionManager()).isSameAs(transactionManager);
        assertThat(engine.getDataSource()).isInstanceOfSatisfying(TransactionAwareDataSourceProxy.class,
                proxy -> assertThat(proxy.getTargetDataSource()).isSameAs(dataSource));
    }

    @Test
    void aStepThatFailsAfterBothWritesLeavesNeitherOurRowNorTheProcessInstance() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            repository.insert(new ProofingJourney(journey, account, Instant.now()));
            runtime.startProcessInstanceByKey("identity-proofing", journey.toString());
            assertThat(processInstances()).as("seen inside the transaction").isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from proofing_journey where id = ?").param(journey.value())
                    .query(Long.class).single()).as("our row, on the connection the engine writes through").isEqualTo(1);
            throw new IllegalStateException("the step fails after both writes");
        })).hasMessage("the step fails after both writes");

        assertThat(repository.findById(journey.value())).isEmpty();
        assertThat(processInstances()).isZero();
    }

    @Test
    void anEngineCallThatFailsRollsBackTheStepsOwnWrite() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            repository.insert(new ProofingJourney(journey, account, Instant.now()));
            runtime.startProcessInstanceByKey("no-such-process", journey.toString());
        })).isInstanceOf(ProcessEngineException.class);

        assertThat(repository.findById(journey.value())).isEmpty();
    }

    @Test
    void bothCommitTogether() {
        transactions.executeWithoutResult(tx -> {
            repository.insert(new ProofingJourney(journey, account, Instant.now()));
            runtime.startProcessInstanceByKey("identity-proofing", journey.toString());
        });

        assertThat(repository.findById(journey.value())).isPresent();
        assertThat(processInstances()).isEqualTo(1);
    }

    private long processInstances() {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(journey.toString()).count();
    }
}

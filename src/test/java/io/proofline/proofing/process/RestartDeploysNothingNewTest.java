package io.proofline.proofing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.proofline.ProoflineApplication;
import io.proofline.support.PostgresTestDatabase;

/** Restarting with unchanged BPMN must not create new deployments or new process definition versions. */
class RestartDeploysNothingNewTest {

    private final PostgresTestDatabase database = PostgresTestDatabase.create();

    @Test
    void anUnchangedRestartDeploysNothing() throws SQLException {
        runOnce();
        List<String> afterFirstStart = definitions();
        long deploymentsAfterFirstStart = count("select count(*) from act_re_deployment");

        runOnce();

        assertThat(afterFirstStart).contains("identity-proofing:1");
        assertThat(definitions()).isEqualTo(afterFirstStart);
        assertThat(count("select count(*) from act_re_deployment")).isEqualTo(deploymentsAfterFirstStart);
    }

    private void runOnce() {
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(ProoflineApplication.class)
                .profiles("postgres", "it")
                .run("--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=" + database.user(),
                        "--server.port=0",
                        "--camunda.bpm.job-execution.enabled=false")) {
            // started, deployed, closed
        }
    }

    private List<String> definitions() throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement()
                .executeQuery("select key_, version_ from act_re_procdef order by key_, version_")) {
            while (rs.next()) {
                keys.add(rs.getString(1) + ":" + rs.getInt(2));
            }
        }
        return keys;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
    }
}

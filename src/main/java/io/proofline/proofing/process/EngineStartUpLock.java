package io.proofline.proofing.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes starting at the same moment on a new PostgreSQL database would each create the engine's tables, and all but
 * one fail to start (a duplicate type in pg_type): the engine takes no lock for its schema. This plugin holds a
 * PostgreSQL advisory lock from just before the engine checks its schema until the engine is built and its staff
 * accounts written ({@link EngineLockdown}), so nodes do that one after the other. The models are deployed after it,
 * under the engine's own deployment lock. Last of the plugins: its start runs after theirs, its end after theirs.
 * The embedded default (H2, one node) takes no lock.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class EngineStartUpLock extends AbstractProcessEnginePlugin {

    /** Any number, the same on every node: the lock's name. */
    static final long LOCK_KEY = 0x70726f6f666c696eL; // "proofline"

    private final DataSource dataSource;
    private Connection holding;

    EngineStartUpLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            // A transaction's lock, on a connection of its own: the commit at the end releases it, and so does the
            // pool's rollback if the start fails.
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                lock.execute();
            }
            holding = connection;
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not take the engine's start-up lock", e);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (holding == null) {
            return;
        }
        try (Connection connection = holding) {
            holding = null;
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not release the engine's start-up lock", e);
        }
    }
}

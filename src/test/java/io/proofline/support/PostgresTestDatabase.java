package io.proofline.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database on the machine's server (127.0.0.1:5432, trust auth), so every
 * test run starts clean and runs never see each other's rows. Databases are not dropped at JVM exit
 * (Spring's own shutdown hooks still use them then); instead each run drops the leftovers of runs that
 * ended more than an hour ago, which a plain (not forced) drop refuses to do while anyone is connected.
 * Override the server with PROOFLINE_TEST_PG_URL (a JDBC URL to an existing database to connect through).
 */
public final class PostgresTestDatabase {

    private static final String ADMIN_URL = System.getenv().getOrDefault("PROOFLINE_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("PROOFLINE_TEST_PG_USER", "postgres");

    private static final String PREFIX = "proofline_it_";

    private static boolean leftoversDropped;

    private final String name;

    private PostgresTestDatabase(String name) {
        this.name = name;
    }

    /** A database of one's own, for tests that must know exactly what is in it. */
    public static PostgresTestDatabase create() {
        dropLeftovers();
        String name = PREFIX + Instant.now().getEpochSecond() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
        execute("create database " + name);
        return new PostgresTestDatabase(name);
    }

    public String jdbcUrl() {
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    public String user() {
        return USER;
    }

    public String name() {
        return name;
    }

    private static synchronized void dropLeftovers() {
        if (leftoversDropped) {
            return;
        }
        leftoversDropped = true;
        long anHourAgo = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
        List<String> stale = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "");
                ResultSet rs = c.createStatement().executeQuery(
                        "select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (rs.next()) {
                String[] parts = rs.getString(1).substring(PREFIX.length()).split("_");
                if (parts.length == 2 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < anHourAgo) {
                    stale.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            return; // the create that follows reports an unreachable server clearly
        }
        for (String database : stale) {
            try {
                execute("drop database if exists " + database);
            } catch (RuntimeException stillInUse) {
                // someone is connected: not ours to drop
            }
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed for the integration tests (" + ADMIN_URL
                    + "): " + e.getMessage(), e);
        }
    }
}

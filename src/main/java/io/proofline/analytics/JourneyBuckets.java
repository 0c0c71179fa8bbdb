package io.proofline.analytics;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Hourly counts of how journeys move, in {@code journey_bucket}: one row per hour, process definition (key and
 * version), BPMN element and outcome, added to as journeys move. The engine reports each event
 * ({@link #count}); the counts of one transaction are summed in memory and written just before it commits, in the
 * same transaction as the step that made them (a rolled-back step, or a job that fails and is retried, counts
 * nothing), as one JDBC batch: one upsert per distinct bucket the transaction touched, in key order (two
 * transactions touching the same buckets lock them in the same order, so they never deadlock), and held locked from
 * just before the commit only.
 *
 * <p>The upsert: on PostgreSQL {@code insert ... on conflict do update} (safe against a concurrent first insert of
 * the same bucket on another node, which a failed statement could not be retried from: PostgreSQL aborts the
 * transaction); on H2 (the embedded default, one node) {@code update}, then {@code insert} for the buckets that were
 * not there yet, and an update again if another transaction inserted it meanwhile (H2 keeps the transaction).
 *
 * <p>Rows older than the history's time-to-live ({@code proofline.history.time-to-live}) are removed every hour
 * ({@link #removeExpired}), one delete, on every node where the history cleanup runs.
 */
@Component
public class JourneyBuckets {

    /** What an activity did; a check's end is its outcome instead (PASS, FAIL, VENDOR_ERROR). */
    public static final String ENTERED = "entered";
    public static final String COMPLETED = "completed";
    /** Ended by an interrupting event (a timer, a cancellation), not by finishing. */
    public static final String CANCELLED = "cancelled";
    /** A sequence flow followed. */
    public static final String TAKEN = "taken";

    /** One bucket's key: the hour is the event's, truncated. */
    public record Bucket(Instant hour, String processKey, int processVersion, String elementId, String outcome) {
        static final Comparator<Bucket> ORDER = Comparator.comparing(Bucket::hour).thenComparing(Bucket::processKey)
                .thenComparingInt(Bucket::processVersion).thenComparing(Bucket::elementId).thenComparing(Bucket::outcome);
    }

    /** One row read back. */
    public record Row(Bucket bucket, long count) {
    }

    private static final Logger log = LoggerFactory.getLogger(JourneyBuckets.class);
    private static final String PENDING = JourneyBuckets.class.getName() + ".pending";
    private static final String COLUMNS = "bucket_hour, process_key, process_version, element_id, outcome";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration timeToLive;
    private final boolean cleanupEnabled;
    private final boolean postgres;
    private final Counter statements;
    private final Counter flushes;
    private final Counter events;

    JourneyBuckets(DataSource dataSource, Clock clock, MeterRegistry meters,
            @Value("${proofline.history.time-to-live}") String timeToLive,
            @Value("${proofline.history.cleanup-enabled:true}") boolean cleanupEnabled) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.timeToLive = days(timeToLive);
        this.cleanupEnabled = cleanupEnabled;
        this.postgres = Boolean.TRUE.equals(jdbc.execute((Connection connection) -> {
            DatabaseMetaData metaData = connection.getMetaData();
            return metaData.getDatabaseProductName().toLowerCase().contains("postgres");
        }));
        this.statements = Counter.builder("proofline.analytics.bucket.statements")
                .description("SQL statements written to journey_bucket").register(meters);
        this.flushes = Counter.builder("proofline.analytics.bucket.flushes")
                .description("Transactions that wrote journey buckets (one JDBC batch each)").register(meters);
        this.events = Counter.builder("proofline.analytics.bucket.events")
                .description("Journey events counted into buckets").register(meters);
    }

    /** Counts one event of the current transaction (written at its commit), or at once outside any transaction. */
    public void count(String processKey, int processVersion, String elementId, String outcome) {
        Bucket bucket = new Bucket(clock.instant().truncatedTo(ChronoUnit.HOURS), processKey, processVersion, elementId,
                outcome);
        events.increment();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(Map.of(bucket, 1L));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<Bucket, Long> pending = (Map<Bucket, Long>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            Map<Bucket, Long> fresh = new TreeMap<>(Bucket.ORDER);
            TransactionSynchronizationManager.bindResource(PENDING, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = fresh;
        }
        pending.merge(bucket, 1L, Long::sum);
    }

    private void write(Map<Bucket, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<Map.Entry<Bucket, Long>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Map.Entry.comparingByKey(Bucket.ORDER));
        flushes.increment();
        if (postgres) {
            jdbc.batchUpdate("insert into journey_bucket (" + COLUMNS + ", count) values (?, ?, ?, ?, ?, ?) "
                    + "on conflict (" + COLUMNS + ") do update set count = journey_bucket.count + excluded.count",
                    rows, rows.size(), (statement, row) -> {
                        bind(statement, row.getKey(), 1);
                        statement.setLong(6, row.getValue());
                    });
            statements.increment(rows.size());
            return;
        }
        int[][] updated = jdbc.batchUpdate("update journey_bucket set count = count + ? where bucket_hour = ? "
                + "and process_key = ? and process_version = ? and element_id = ? and outcome = ?", rows, rows.size(),
                (statement, row) -> {
                    statement.setLong(1, row.getValue());
                    bind(statement, row.getKey(), 2);
                });
        statements.increment(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (updated[0][i] == 0) {
                insert(rows.get(i).getKey(), rows.get(i).getValue());
            }
        }
    }

    private void insert(Bucket bucket, long count) {
        statements.increment();
        try {
            jdbc.update("insert into journey_bucket (" + COLUMNS + ", count) values (?, ?, ?, ?, ?, ?)", statement -> {
                bind(statement, bucket, 1);
                statement.setLong(6, count);
            });
        } catch (DuplicateKeyException insertedMeanwhile) {
            statements.increment();
            jdbc.update("update journey_bucket set count = count + ? where bucket_hour = ? and process_key = ? "
                    + "and process_version = ? and element_id = ? and outcome = ?", statement -> {
                        statement.setLong(1, count);
                        bind(statement, bucket, 2);
                    });
        }
    }

    private static void bind(java.sql.PreparedStatement statement, Bucket bucket, int first) throws java.sql.SQLException {
        statement.setTimestamp(first, Timestamp.from(bucket.hour()));
        statement.setString(first + 1, bucket.processKey());
        statement.setInt(first + 2, bucket.processVersion());
        statement.setString(first + 3, bucket.elementId());
        statement.setString(first + 4, bucket.outcome());
    }

    /** Every bucket, oldest first. */
    public List<Row> all() {
        return jdbc.query("select " + COLUMNS + ", count from journey_bucket order by " + COLUMNS,
                (result, i) -> new Row(new Bucket(result.getTimestamp(1).toInstant(), result.getString(2),
                        result.getInt(3), result.getString(4), result.getString(5)), result.getLong(6)));
    }

    /** Per process definition key, each outcome's total at the given element (the journeys: the process key itself). */
    public Map<String, Map<String, Long>> totalsPerProcess() {
        Map<String, Map<String, Long>> totals = new TreeMap<>();
        jdbc.query("select process_key, outcome, sum(count) from journey_bucket where element_id = process_key "
                + "group by process_key, outcome", result -> {
                    totals.computeIfAbsent(result.getString(1), key -> new TreeMap<>())
                            .put(result.getString(2), result.getLong(3));
                });
        jdbc.query("select process_key, outcome, sum(count) from journey_bucket where element_id <> process_key "
                + "and outcome in ('PASS', 'FAIL', 'VENDOR_ERROR') group by process_key, outcome", result -> {
                    totals.computeIfAbsent(result.getString(1), key -> new TreeMap<>())
                            .put(result.getString(2), result.getLong(3));
                });
        return totals;
    }

    /** The engine's history time-to-live, as Camunda reads it: days, or an ISO period of days (P180D). */
    static Duration days(String timeToLive) {
        String value = timeToLive.trim();
        if (value.matches("\\d+")) {
            return Duration.ofDays(Long.parseLong(value));
        }
        java.time.Period period = java.time.Period.parse(value);
        return Duration.ofDays(period.toTotalMonths() * 31 + period.getDays());
    }

    /** Removes the buckets older than the history's time-to-live; hourly, where the history cleanup runs. */
    @Scheduled(cron = "${proofline.analytics.bucket-cleanup-cron:0 7 * * * *}")
    public void removeExpired() {
        if (!cleanupEnabled) {
            return;
        }
        int removed = jdbc.update("delete from journey_bucket where bucket_hour < ?",
                Timestamp.from(clock.instant().minus(timeToLive).truncatedTo(ChronoUnit.HOURS)));
        if (removed > 0) {
            log.info("Removed {} journey buckets older than the history's time-to-live ({})", removed, timeToLive);
        }
    }
}

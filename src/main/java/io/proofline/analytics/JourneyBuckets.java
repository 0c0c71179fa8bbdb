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
 * nothing), as one statement: one multi-row upsert of every distinct bucket the transaction touched, in key order
 * (two transactions touching the same buckets lock them in the same order, so they never deadlock), held locked
 * from just before the commit only.
 *
 * <p>The upsert: on PostgreSQL {@code insert ... values (...), (...) on conflict do update} (safe against a concurrent
 * first insert of the same bucket on another node, which a failed statement could not be retried from: PostgreSQL
 * aborts the transaction); on H2 (the embedded default, one node) a standard {@code merge ... using (values ...)},
 * once more if another transaction inserted one of the buckets meanwhile (H2 keeps the transaction).
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
    /** A transaction touches a few buckets (a step: 5 to 10); a long one is written in several statements. */
    private static final int MAX_ROWS_PER_STATEMENT = 100;

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
        for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_STATEMENT) {
            upsert(rows.subList(from, Math.min(rows.size(), from + MAX_ROWS_PER_STATEMENT)));
        }
    }

    /** One statement for all the rows (distinct keys, in key order). */
    private void upsert(List<Map.Entry<Bucket, Long>> rows) {
        String values = String.join(", ", java.util.Collections.nCopies(rows.size(), postgres ? "(?, ?, ?, ?, ?, ?)"
                : "(cast(? as timestamp), cast(? as varchar(255)), cast(? as integer), cast(? as varchar(255)), "
                        + "cast(? as varchar(32)), cast(? as bigint))"));
        String sql = postgres
                ? "insert into journey_bucket (" + COLUMNS + ", count) values " + values + " on conflict (" + COLUMNS
                        + ") do update set count = journey_bucket.count + excluded.count"
                : "merge into journey_bucket b using (values " + values + ") s (" + COLUMNS + ", count) on "
                        + "b.bucket_hour = s.bucket_hour and b.process_key = s.process_key and b.process_version = "
                        + "s.process_version and b.element_id = s.element_id and b.outcome = s.outcome "
                        + "when matched then update set count = b.count + s.count "
                        + "when not matched then insert (" + COLUMNS + ", count) values (s.bucket_hour, s.process_key, "
                        + "s.process_version, s.element_id, s.outcome, s.count)";
        org.springframework.jdbc.core.PreparedStatementSetter parameters = statement -> {
            int index = 1;
            for (Map.Entry<Bucket, Long> row : rows) {
                bind(statement, row.getKey(), index);
                statement.setLong(index + 5, row.getValue());
                index += 6;
            }
        };
        statements.increment();
        try {
            jdbc.update(sql, parameters);
        } catch (DuplicateKeyException insertedMeanwhile) {
            // H2 only (PostgreSQL's upsert waits for the other insert instead): another transaction inserted one of
            // these buckets after the merge looked; H2 keeps the transaction, and now the merge finds the row.
            statements.increment();
            jdbc.update(sql, parameters);
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

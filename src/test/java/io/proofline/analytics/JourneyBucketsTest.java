package io.proofline.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.proofline.support.Concurrently;
import io.proofline.support.PostgresTestDatabase;

/**
 * The buckets' upsert on both databases the service runs on (H2, the embedded default; PostgreSQL): a transaction's
 * events in one statement at its commit, nothing for a rollback, exact totals when many transactions add to the same
 * new buckets at once, and the removal of what is older than the history's time-to-live.
 */
class JourneyBucketsTest {

    static final Instant NOW = Instant.parse("2026-03-10T14:25:00Z");

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    private static DataSource database(String kind) throws Exception {
        DriverManagerDataSource dataSource = kind.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:mem:buckets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")
                : postgres();
        new JdbcTemplate(dataSource).execute(Files.readString(Path.of("src/main/resources/db/migration/V50__journey_buckets.sql")));
        return dataSource;
    }

    private static DriverManagerDataSource postgres() {
        PostgresTestDatabase database = PostgresTestDatabase.create();
        return new DriverManagerDataSource(database.jdbcUrl(), database.user(), "");
    }

    private static JourneyBuckets buckets(DataSource dataSource, SimpleMeterRegistry meters, Clock clock) {
        return new JourneyBuckets(dataSource, clock, meters, "P180D", true);
    }

    private static Map<String, Long> rows(JourneyBuckets buckets) {
        Map<String, Long> rows = new TreeMap<>();
        buckets.all().forEach(row -> rows.put(row.bucket().hour() + " " + row.bucket().processKey() + ":"
                + row.bucket().processVersion() + " " + row.bucket().elementId() + " " + row.bucket().outcome(), row.count()));
        return rows;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aTransactionsEventsAreWrittenInOneStatementAtItsCommitAndARollbackWritesNothing(String kind) throws Exception {
        DataSource dataSource = database(kind);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        JourneyBuckets buckets = buckets(dataSource, meters, Clock.fixed(NOW, ZoneOffset.UTC));
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        transactions.executeWithoutResult(status -> {
            buckets.count("state-id-verification", 3, "UploadDocuments", JourneyBuckets.COMPLETED);
            buckets.count("state-id-verification", 3, "Flow_Upload", JourneyBuckets.TAKEN);
            buckets.count("state-id-verification", 3, "UploadDocuments", JourneyBuckets.COMPLETED);
            assertThat(rows(buckets)).as("nothing before the commit").isEmpty();
        });
        assertThat(rows(buckets)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "2026-03-10T14:00:00Z state-id-verification:3 Flow_Upload taken", 1L,
                "2026-03-10T14:00:00Z state-id-verification:3 UploadDocuments completed", 2L)));
        assertThat(meters.get("proofline.analytics.bucket.statements").counter().count()).isEqualTo(1);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            buckets.count("state-id-verification", 3, "UploadDocuments", JourneyBuckets.COMPLETED);
            throw new IllegalStateException("the step failed");
        })).hasMessage("the step failed");
        transactions.executeWithoutResult(status -> buckets.count("state-id-verification", 3, "Flow_Upload",
                JourneyBuckets.TAKEN));
        assertThat(rows(buckets)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "2026-03-10T14:00:00Z state-id-verification:3 Flow_Upload taken", 2L,
                "2026-03-10T14:00:00Z state-id-verification:3 UploadDocuments completed", 2L)));
        assertThat(meters.get("proofline.analytics.bucket.statements").counter().count()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void manyTransactionsAddingToTheSameNewBucketsAtOnceLoseNoCount(String kind) throws Exception {
        DataSource dataSource = database(kind);
        JourneyBuckets buckets = buckets(dataSource, new SimpleMeterRegistry(), Clock.fixed(NOW, ZoneOffset.UTC));
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        Concurrently.run(8, 80, () -> {
            transactions.executeWithoutResult(status -> {
                buckets.count("identity-proofing", 1, "ConsentToProofing", JourneyBuckets.ENTERED);
                buckets.count("identity-proofing", 1, "Flow_Consent", JourneyBuckets.TAKEN);
                buckets.count("identity-proofing", 1, "identity-proofing", JourneyBuckets.ENTERED);
            });
            return null;
        });

        assertThat(rows(buckets)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "2026-03-10T14:00:00Z identity-proofing:1 ConsentToProofing entered", 80L,
                "2026-03-10T14:00:00Z identity-proofing:1 Flow_Consent taken", 80L,
                "2026-03-10T14:00:00Z identity-proofing:1 identity-proofing entered", 80L)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void bucketsOlderThanTheHistorysTimeToLiveAreRemoved(String kind) throws Exception {
        DataSource dataSource = database(kind);
        Instant old = NOW.minus(Duration.ofDays(181));
        buckets(dataSource, new SimpleMeterRegistry(), Clock.fixed(old, ZoneOffset.UTC))
                .count("identity-proofing", 1, "identity-proofing", JourneyBuckets.ENTERED);
        buckets(dataSource, new SimpleMeterRegistry(), Clock.fixed(NOW.minus(Duration.ofDays(179)), ZoneOffset.UTC))
                .count("identity-proofing", 1, "identity-proofing", JourneyBuckets.ENTERED);
        JourneyBuckets now = buckets(dataSource, new SimpleMeterRegistry(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(rows(now)).hasSize(2);

        now.removeExpired();

        assertThat(rows(now)).containsOnlyKeys("2025-09-12T14:00:00Z identity-proofing:1 identity-proofing entered");
        assertThat(now.totalsPerProcess()).containsEntry("identity-proofing", Map.of(JourneyBuckets.ENTERED, 1L));
    }
}

package io.proofline.throttle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ThrottleRepository {

    record Counter(int attempts, Instant windowStartedAt, Instant lockedUntil) {
    }

    private static final RowMapper<Counter> COUNTER = (rs, n) -> new Counter(rs.getInt("attempts"),
            rs.getTimestamp("window_started_at").toInstant(),
            rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant());

    private final JdbcClient jdbc;

    ThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Counter> find(String subject, ThrottleType type) {
        return jdbc.sql("select attempts, window_started_at, locked_until from throttle_counter "
                + "where subject = ? and throttle_type = ?")
                .params(subject, type.name()).query(COUNTER).optional();
    }

    /** Locks the row for the rest of the transaction, so concurrent failures on several nodes all count. */
    Optional<Counter> findForUpdate(String subject, ThrottleType type) {
        return jdbc.sql("select attempts, window_started_at, locked_until from throttle_counter "
                + "where subject = ? and throttle_type = ? for update")
                .params(subject, type.name()).query(COUNTER).optional();
    }

    void insert(String subject, ThrottleType type, Counter counter) {
        jdbc.sql("insert into throttle_counter (subject, throttle_type, attempts, window_started_at, locked_until) "
                + "values (?, ?, ?, ?, ?)")
                .params(subject, type.name(), counter.attempts(), Timestamp.from(counter.windowStartedAt()),
                        timestamp(counter.lockedUntil()))
                .update();
    }

    void update(String subject, ThrottleType type, Counter counter) {
        jdbc.sql("update throttle_counter set attempts = ?, window_started_at = ?, locked_until = ? "
                + "where subject = ? and throttle_type = ?")
                .params(counter.attempts(), Timestamp.from(counter.windowStartedAt()), timestamp(counter.lockedUntil()),
                        subject, type.name())
                .update();
    }

    void delete(String subject, ThrottleType type) {
        jdbc.sql("delete from throttle_counter where subject = ? and throttle_type = ?")
                .params(subject, type.name()).update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

package io.proofline.proofing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.proofline.journey.JourneyId;

@Repository
class JourneyRepository {

    private static final String COLUMNS = "id, account_id, process_instance_id, started_at";

    private static final RowMapper<Journey> JOURNEY = (rs, n) -> new Journey(
            new JourneyId(rs.getObject("id", UUID.class)), rs.getString("account_id"),
            rs.getString("process_instance_id"), rs.getTimestamp("started_at").toInstant());

    private final JdbcClient jdbc;

    JourneyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a new active journey. {@code active_account_id} is unique, so a second active journey
     * for the same account fails at the database, whichever node tries it.
     */
    void insert(JourneyId id, String accountId, Instant startedAt) {
        jdbc.sql("insert into proofing_journey (id, account_id, active_account_id, started_at) values (?, ?, ?, ?)")
                .params(id.value(), accountId, accountId, Timestamp.from(startedAt))
                .update();
    }

    /** The account's most recent journey, running or ended. */
    Optional<Journey> findLatestByAccount(String accountId) {
        return jdbc.sql("select " + COLUMNS + " from proofing_journey where account_id = ? order by started_at desc")
                .param(accountId)
                .query(JOURNEY)
                .list().stream().findFirst();
    }

    void attachProcessInstance(JourneyId id, String processInstanceId) {
        jdbc.sql("update proofing_journey set process_instance_id = ? where id = ?")
                .params(processInstanceId, id.value())
                .update();
    }

    Optional<Journey> findActiveByAccount(String accountId) {
        return jdbc.sql("select " + COLUMNS + " from proofing_journey where active_account_id = ?")
                .param(accountId)
                .query(JOURNEY)
                .optional();
    }

    Optional<Journey> find(JourneyId id) {
        return jdbc.sql("select " + COLUMNS + " from proofing_journey where id = ?")
                .param(id.value())
                .query(JOURNEY)
                .optional();
    }

    void markEnded(JourneyId id, Instant endedAt) {
        jdbc.sql("update proofing_journey set ended_at = ?, active_account_id = null where id = ? and ended_at is null")
                .params(Timestamp.from(endedAt), id.value())
                .update();
    }
}

package io.proofline.sharing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.proofline.accounts.AccountId;

/**
 * The {@code sub} a person has at one agency: a random identifier of its own per agency, so that two agencies cannot
 * join their users by it, and stable for as long as the person keeps their account.
 */
@Service
class PairwiseSubjects {

    private final JdbcClient jdbc;
    private final Clock clock;

    PairwiseSubjects(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String subject(String clientId, AccountId account) {
        return find(clientId, account).orElseGet(() -> {
            try {
                jdbc.sql("""
                        insert into agency_identity (client_id, account_id, subject, created_at)
                        values (:clientId, :account, :subject, :now)""")
                        .param("clientId", clientId).param("account", account.value())
                        .param("subject", UUID.randomUUID()).param("now", Timestamp.from(clock.instant())).update();
            } catch (DuplicateKeyException concurrent) {
                // Another request made it first: theirs stands.
            }
            return find(clientId, account).orElseThrow();
        });
    }

    private Optional<String> find(String clientId, AccountId account) {
        return jdbc.sql("select subject from agency_identity where client_id = :clientId and account_id = :account")
                .param("clientId", clientId).param("account", account.value()).query(UUID.class).optional()
                .map(UUID::toString);
    }
}

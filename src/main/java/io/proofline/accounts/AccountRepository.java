package io.proofline.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.proofline.crypto.UserAccessKeys.StoredCredential;

@Repository
class AccountRepository {

    record StoredAccount(AccountId id, String emailFingerprint, StoredCredential password) {
    }

    private static final String COLUMNS = "id, email_fingerprint, password_salt, password_cost, password_wrapped_key, password_digest";

    private static final RowMapper<StoredAccount> ACCOUNT = (rs, n) -> new StoredAccount(
            new AccountId(rs.getObject("id", UUID.class)), rs.getString("email_fingerprint"),
            new StoredCredential(rs.getString("password_salt"), rs.getString("password_cost"),
                    rs.getString("password_wrapped_key"), rs.getString("password_digest")));

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AccountId id, String emailCiphertext, String emailFingerprint, StoredCredential password, Instant now) {
        jdbc.sql("""
                insert into account (id, email_ciphertext, email_fingerprint, password_salt, password_cost,
                    password_wrapped_key, password_digest, password_changed_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), emailCiphertext, emailFingerprint, password.salt(), password.cost(),
                        password.wrappedKey(), password.digest(), Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    Optional<StoredAccount> findByEmailFingerprint(List<String> candidates) {
        return jdbc.sql("select " + COLUMNS + " from account where email_fingerprint in (:candidates)")
                .param("candidates", candidates).query(ACCOUNT).optional();
    }

    Optional<StoredAccount> find(AccountId id) {
        return jdbc.sql("select " + COLUMNS + " from account where id = ?").param(id.value()).query(ACCOUNT).optional();
    }

    Optional<String> emailCiphertext(AccountId id) {
        return jdbc.sql("select email_ciphertext from account where id = ?").param(id.value()).query(String.class)
                .optional();
    }

    void updateEmailFingerprint(AccountId id, String fingerprint) {
        jdbc.sql("update account set email_fingerprint = ? where id = ?").params(fingerprint, id.value()).update();
    }

    void updatePassword(AccountId id, StoredCredential password, Instant now) {
        jdbc.sql("""
                update account set password_salt = ?, password_cost = ?, password_wrapped_key = ?,
                    password_digest = ?, password_changed_at = ? where id = ?""")
                .params(password.salt(), password.cost(), password.wrappedKey(), password.digest(),
                        Timestamp.from(now), id.value())
                .update();
    }

    void insertSession(String tokenDigest, AccountId id, Instant now, Instant expiresAt) {
        jdbc.sql("insert into account_session (token_digest, account_id, created_at, expires_at) values (?, ?, ?, ?)")
                .params(tokenDigest, id.value(), Timestamp.from(now), Timestamp.from(expiresAt)).update();
    }

    Optional<AccountId> findSessionAccount(String tokenDigest, Instant now) {
        return jdbc.sql("select account_id from account_session where token_digest = ? and expires_at > ?")
                .params(tokenDigest, Timestamp.from(now))
                .query((rs, n) -> new AccountId(rs.getObject("account_id", UUID.class))).optional();
    }

    void deleteSession(String tokenDigest) {
        jdbc.sql("delete from account_session where token_digest = ?").param(tokenDigest).update();
    }

    void deleteSessions(AccountId id) {
        jdbc.sql("delete from account_session where account_id = ?").param(id.value()).update();
    }
}

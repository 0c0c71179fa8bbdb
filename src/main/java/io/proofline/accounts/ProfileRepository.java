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
class ProfileRepository {

    /** A profile as stored: everything sealed, nothing readable without the user's password or personal key. */
    record StoredProfile(UUID id, AccountId account, ProfileStatus status, String ssnFingerprint,
            String piiCiphertext, String recoveryCiphertext, StoredCredential recovery) {
    }

    /** What {@link Profiles} seals for a profile: the PII twice, and the personal key's credential. */
    record SealedProfile(UUID id, String ssnFingerprint, String piiCiphertext, String recoveryCiphertext,
            StoredCredential recovery) {
    }

    record SsnHolder(UUID profileId, AccountId account, String ssnFingerprint) {
    }

    private static final String COLUMNS = "id, account_id, status, ssn_fingerprint, pii_ciphertext, recovery_ciphertext, "
            + "recovery_salt, recovery_cost, recovery_wrapped_key, recovery_digest";

    private static final RowMapper<StoredProfile> PROFILE = (rs, n) -> new StoredProfile(rs.getObject("id", UUID.class),
            new AccountId(rs.getObject("account_id", UUID.class)), ProfileStatus.valueOf(rs.getString("status")),
            rs.getString("ssn_fingerprint"), rs.getString("pii_ciphertext"), rs.getString("recovery_ciphertext"),
            new StoredCredential(rs.getString("recovery_salt"), rs.getString("recovery_cost"),
                    rs.getString("recovery_wrapped_key"), rs.getString("recovery_digest")));

    private final JdbcClient jdbc;

    ProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's profile that is not superseded, if any. */
    Optional<StoredProfile> findCurrent(AccountId account) {
        return jdbc.sql("select " + COLUMNS + " from account_profile where account_id = ? and status <> 'SUPERSEDED'")
                .param(account.value()).query(PROFILE).optional();
    }

    /** Profiles holding an identity whose SSN fingerprint is one of the candidates (current and old keys). */
    List<SsnHolder> findSsnHolders(List<String> candidates) {
        return jdbc.sql("select id, account_id, ssn_fingerprint from account_profile "
                + "where ssn_fingerprint in (:candidates) and status <> 'SUPERSEDED'")
                .param("candidates", candidates)
                .query((rs, n) -> new SsnHolder(rs.getObject("id", UUID.class),
                        new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("ssn_fingerprint")))
                .list();
    }

    void rewriteSsnFingerprint(UUID profileId, String fingerprint) {
        jdbc.sql("update account_profile set ssn_fingerprint = ?, claimed_ssn_fingerprint = ? where id = ?")
                .params(fingerprint, fingerprint, profileId).update();
    }

    void supersedeAll(AccountId account, Instant now) {
        jdbc.sql("update account_profile set status = 'SUPERSEDED', claimed_ssn_fingerprint = null, updated_at = ? "
                + "where account_id = ? and status <> 'SUPERSEDED'")
                .params(Timestamp.from(now), account.value()).update();
    }

    void insertActive(AccountId account, SealedProfile sealed, Instant now) {
        StoredCredential recovery = sealed.recovery();
        jdbc.sql("""
                insert into account_profile (id, account_id, status, ssn_fingerprint, claimed_ssn_fingerprint,
                    pii_ciphertext, recovery_ciphertext, recovery_salt, recovery_cost, recovery_wrapped_key,
                    recovery_digest, verified_at, updated_at)
                values (?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sealed.id(), account.value(), sealed.ssnFingerprint(), sealed.ssnFingerprint(),
                        sealed.piiCiphertext(), sealed.recoveryCiphertext(), recovery.salt(), recovery.cost(),
                        recovery.wrappedKey(), recovery.digest(), Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /** After recovery: same profile (same verification), PII sealed under the new password and a new personal key. */
    void reseal(SealedProfile sealed, Instant now) {
        StoredCredential recovery = sealed.recovery();
        jdbc.sql("""
                update account_profile set status = 'ACTIVE', pii_ciphertext = ?, recovery_ciphertext = ?,
                    recovery_salt = ?, recovery_cost = ?, recovery_wrapped_key = ?, recovery_digest = ?, updated_at = ?
                where id = ?""")
                .params(sealed.piiCiphertext(), sealed.recoveryCiphertext(), recovery.salt(), recovery.cost(),
                        recovery.wrappedKey(), recovery.digest(), Timestamp.from(now), sealed.id())
                .update();
    }

    void markPasswordReset(AccountId account, Instant now) {
        jdbc.sql("update account_profile set status = 'PASSWORD_RESET', updated_at = ? where account_id = ? and status = 'ACTIVE'")
                .params(Timestamp.from(now), account.value()).update();
    }
}

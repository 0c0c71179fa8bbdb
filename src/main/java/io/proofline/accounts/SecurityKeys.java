package io.proofline.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.proofline.crypto.AttributeEncryptor;

/**
 * Spring Security's WebAuthn credentials, kept as second methods like the others: a new credential is an
 * {@code auth_method} row of kind {@link MethodKind#SECURITY_KEY} (its label sealed, so it lists, renames and is removed
 * with the rest) and its public key in {@code security_key}. The WebAuthn user entity (a random handle) is Spring
 * Security's, in {@code user_entities}, named by the account id.
 */
@Component
class SecurityKeys implements UserCredentialRepository {

    private static final Logger log = LoggerFactory.getLogger(SecurityKeys.class);

    private static final String COLUMNS = """
            method_id, credential_id, user_handle, credential_type, public_key, signature_count, uv_initialized,
            backup_eligible, backup_state, transports, attestation_object, attestation_client_data_json""";

    private final JdbcTemplate jdbc;
    private final AuthMethodRepository methods;
    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final AttributeEncryptor attributes;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final RememberedBrowsers remembered;
    private final AccountHistory history;

    SecurityKeys(JdbcTemplate jdbc, AuthMethodRepository methods, PublicKeyCredentialUserEntityRepository userEntities,
            AttributeEncryptor attributes, Clock clock, TransactionTemplate transactions, RememberedBrowsers remembered,
            AccountHistory history) {
        this.history = history;
        this.jdbc = jdbc;
        this.methods = methods;
        this.userEntities = userEntities;
        this.attributes = attributes;
        this.clock = clock;
        this.transactions = transactions;
        this.remembered = remembered;
    }

    /** The account a WebAuthn user entity stands for (its name is the account id). */
    static Optional<AccountId> accountOf(PublicKeyCredentialUserEntity user) {
        try {
            return Optional.ofNullable(user).map(found -> new AccountId(UUID.fromString(found.getName())));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /**
     * A new credential (after Spring Security verified its registration) becomes a confirmed method of the account
     * its user entity names; a known one (after a sign-in) keeps its new signature counter and when it was used.
     */
    @Override
    public void save(CredentialRecord record) {
        Optional<UUID> known = methodOf(record.getCredentialId());
        Instant now = clock.instant();
        if (known.isPresent()) {
            jdbc.update("update security_key set signature_count = ?, uv_initialized = ?, backup_state = ? where method_id = ?",
                    record.getSignatureCount(), record.isUvInitialized(), record.isBackupState(), known.get());
            methods.used(known.get(), now);
            return;
        }
        AccountId account = accountOf(userEntities.findById(record.getUserEntityUserId()))
                .orElseThrow(() -> new IllegalStateException("A credential for a user entity that names no account"));
        UUID id = UUID.randomUUID();
        String label = record.getLabel() == null ? "" : record.getLabel().strip();
        transactions.executeWithoutResult(tx -> {
            methods.insert(new AuthMethod(id, account, MethodKind.SECURITY_KEY,
                    attributes.encrypt(label, "auth-method-name:" + id), null, now));
            jdbc.update("insert into security_key (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
                    record.getCredentialId().toBase64UrlString(), record.getUserEntityUserId().toBase64UrlString(),
                    record.getCredentialType().getValue(), new Bytes(record.getPublicKey().getBytes()).toBase64UrlString(),
                    record.getSignatureCount(), record.isUvInitialized(), record.isBackupEligible(),
                    record.isBackupState(), record.getTransports().stream().map(AuthenticatorTransport::getValue)
                            .sorted().collect(Collectors.joining(",")),
                    record.getAttestationObject().toBase64UrlString(),
                    record.getAttestationClientDataJSON().toBase64UrlString());
            methods.confirm(id, now);
        });
        log.info("Account {} added a security key", account);
        remembered.forgetAll(account);
        history.record(account, AccountHistory.Kind.METHOD_ADDED);
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return jdbc.query("select " + COLUMNS + " from security_key where credential_id = ?", this::record,
                credentialId.toBase64UrlString()).stream().flatMap(Optional::stream).findFirst().orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return jdbc.query("select " + COLUMNS + " from security_key where user_handle = ?", this::record,
                userId.toBase64UrlString()).stream().flatMap(Optional::stream).toList();
    }

    /** Spring Security's own removal is not reachable (WebSecurity); a person removes a key with the other methods. */
    @Override
    public void delete(Bytes credentialId) {
        methodOf(credentialId).ifPresent(methods::delete);
    }

    private Optional<UUID> methodOf(Bytes credentialId) {
        return jdbc.queryForList("select method_id from security_key where credential_id = ?", UUID.class,
                credentialId.toBase64UrlString()).stream().findFirst();
    }

    /** A row with its method; a method not (or no longer) confirmed is no credential. */
    private Optional<CredentialRecord> record(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        UUID id = row.getObject("method_id", UUID.class);
        Optional<AuthMethod> method = methods.findById(id).filter(AuthMethod::confirmed);
        if (method.isEmpty()) {
            return Optional.empty();
        }
        Set<AuthenticatorTransport> transports = Arrays.stream(row.getString("transports").split(","))
                .filter(value -> !value.isBlank()).map(AuthenticatorTransport::valueOf).collect(Collectors.toSet());
        return Optional.of(ImmutableCredentialRecord.builder()
                .credentialType(PublicKeyCredentialType.valueOf(row.getString("credential_type")))
                .credentialId(Bytes.fromBase64(row.getString("credential_id")))
                .userEntityUserId(Bytes.fromBase64(row.getString("user_handle")))
                .publicKey(new ImmutablePublicKeyCose(Bytes.fromBase64(row.getString("public_key")).getBytes()))
                .signatureCount(row.getLong("signature_count"))
                .uvInitialized(row.getBoolean("uv_initialized"))
                .backupEligible(row.getBoolean("backup_eligible"))
                .backupState(row.getBoolean("backup_state"))
                .transports(transports)
                .attestationObject(Bytes.fromBase64(row.getString("attestation_object")))
                .attestationClientDataJSON(Bytes.fromBase64(row.getString("attestation_client_data_json")))
                .created(method.get().createdAt())
                .lastUsed(method.get().lastUsedAt() == null ? method.get().createdAt() : method.get().lastUsedAt())
                .label(attributes.decrypt(method.get().nameCiphertext(), method.get().nameContext()))
                .build());
    }

    /** Spring Security's JDBC user entities, in {@code user_entities} (V44). */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class UserEntities {
        @org.springframework.context.annotation.Bean
        PublicKeyCredentialUserEntityRepository webAuthnUserEntities(JdbcTemplate jdbc) {
            return new org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository(jdbc);
        }
    }
}

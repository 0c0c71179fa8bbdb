-- Accounts and their encrypted proofing profiles. No column holds PII in plaintext: the email is
-- AES-256-GCM under the shared attribute key, the PII under a key only the user's password (or personal
-- key) and the KMS together can derive. Fingerprints are HMAC-SHA256. Ciphertexts are base64 text, which
-- H2 and PostgreSQL store alike.
create table account (
    id                      uuid          primary key,
    email_ciphertext        varchar(1024) not null,
    email_fingerprint       varchar(64)   not null unique,
    -- The password credential: scrypt salt and cost, the KMS-wrapped random half, SHA-256 of the CEK.
    password_salt           varchar(64)   not null,
    password_cost           varchar(32)   not null,
    password_wrapped_key    varchar(2048) not null,
    password_digest         varchar(64)   not null,
    password_changed_at     timestamp     not null,
    created_at              timestamp     not null
);

-- Signed-in sessions, stored as SHA-256 of the token: a database reader cannot use one.
create table account_session (
    token_digest varchar(64) primary key,
    account_id   uuid        not null references account (id),
    created_at   timestamp   not null,
    expires_at   timestamp   not null
);

create index account_session_account on account_session (account_id);

-- status: ACTIVE; PASSWORD_RESET (inactive until the personal key recovers it); SUPERSEDED.
-- claimed_ssn_fingerprint equals ssn_fingerprint while the profile holds its identity (not superseded);
-- its unique constraint keeps two accounts from holding the same SSN under the current key.
create table account_profile (
    id                      uuid          primary key,
    account_id              uuid          not null references account (id),
    status                  varchar(32)   not null,
    ssn_fingerprint         varchar(64)   not null,
    claimed_ssn_fingerprint varchar(64)   unique,
    pii_ciphertext          varchar(8192) not null,
    recovery_ciphertext     varchar(8192) not null,
    recovery_salt           varchar(64)   not null,
    recovery_cost           varchar(32)   not null,
    recovery_wrapped_key    varchar(2048) not null,
    recovery_digest         varchar(64)   not null,
    verified_at             timestamp     not null,
    updated_at              timestamp     not null
);

create index account_profile_account on account_profile (account_id);
create index account_profile_ssn on account_profile (ssn_fingerprint);

-- A second way to sign in (NIST SP 800-63B AAL2). One row per method an account holds: an authentication app (its
-- RFC 6238 key sealed under the attribute key, context naming the method), a set of backup codes (each only as its
-- HMAC fingerprint, in backup_code), later security keys, phones and PIV/CAC cards. The person's label for it is
-- sealed too (they may type anything). A method counts once confirmed: an app after its first right code, codes
-- once the person said they saved them. last_used_step keeps an app's code from being used twice.
create table auth_method (
    id               uuid          primary key,
    account_id       uuid          not null references account (id),
    kind             varchar(32)   not null,
    name_ciphertext  varchar(1024) not null,
    secret_ciphertext varchar(1024),
    created_at       timestamp     not null,
    confirmed_at     timestamp,
    last_used_at     timestamp,
    last_used_step   bigint
);

create index auth_method_account on auth_method (account_id);

create table backup_code (
    method_id        uuid          not null references auth_method (id) on delete cascade,
    code_fingerprint varchar(64)   not null,
    used_at          timestamp,
    primary key (method_id, code_fingerprint)
);

-- What a session has proven: AAL1 (the password only: the second step is still to come) or AAL2; and how (the
-- OpenID Connect amr values, comma-separated: pwd, otp, hwk, ...). Sessions from before are AAL1.
alter table account_session add column assurance varchar(16) default 'AAL1' not null;
alter table account_session add column methods varchar(64) default 'pwd' not null;

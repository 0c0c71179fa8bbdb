-- Security keys and passkeys (WebAuthn), a second method like the others: each is an auth_method row (kind
-- SECURITY_KEY, its label sealed) with its public key here. Nothing here is secret: a public key, a credential id,
-- a counter, the attestation (the key's make, which the person chose to show). The account's WebAuthn user handle
-- (random, never the account id) is in Spring Security's own table, user_entities, its name the account's id.
create table user_entities (
    id           varchar(1000) not null,
    name         varchar(100)  not null,
    display_name varchar(200),
    primary key (id)
);

create unique index user_entities_name on user_entities (name);

create table security_key (
    method_id                     uuid           primary key references auth_method (id) on delete cascade,
    credential_id                 varchar(1000)  not null unique,
    user_handle                   varchar(1000)  not null,
    credential_type               varchar(32)    not null,
    public_key                    varchar(2048)  not null,
    signature_count               bigint         not null,
    uv_initialized                boolean        not null,
    backup_eligible               boolean        not null,
    backup_state                  boolean        not null,
    transports                    varchar(256)   not null,
    attestation_object            varchar(16384) not null,
    attestation_client_data_json  varchar(4096)  not null
);

-- A session's level may now be AAL2_PHISHING_RESISTANT (23 characters).
alter table account_session alter column assurance set data type varchar(32);

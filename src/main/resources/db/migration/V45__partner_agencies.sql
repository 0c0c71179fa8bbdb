-- Partner agencies, as OpenID Connect clients (io.proofline.sharing). An agency is registered by an operator, never
-- by editing SQL. Web applications authenticate with private_key_jwt (their public keys as a JWKS document or a
-- jwks_uri); native ones with PKCE only. Lists are space-separated.
create table agency (
    client_id                 varchar(128)  primary key,
    display_name              varchar(200)  not null,
    kind                      varchar(16)   not null,
    redirect_uris             varchar(4000) not null,
    post_logout_redirect_uris varchar(4000) not null default '',
    scopes                    varchar(1000) not null,
    levels                    varchar(200)  not null,
    jwks                      varchar(16000),
    jwks_uri                  varchar(1000),
    created_at                timestamp     not null,
    updated_at                timestamp     not null
);

-- The pairwise subject a person has at one agency: random, so two agencies cannot join their users.
create table agency_identity (
    client_id  varchar(128) not null references agency (client_id) on delete cascade,
    account_id uuid         not null references account (id),
    subject    uuid         not null unique,
    created_at timestamp    not null,
    primary key (client_id, account_id)
);

-- A person's consent to share named scopes with an agency: when, and whether revoked. Spring Authorization Server's
-- own consent table has neither a time nor a revocation.
create table agency_consent (
    account_id   uuid          not null references account (id),
    client_id    varchar(128)  not null references agency (client_id) on delete cascade,
    scopes       varchar(1000) not null,
    consented_at timestamp     not null,
    revoked_at   timestamp,
    primary key (account_id, client_id)
);

-- What was granted, declined, revoked and released, for the person's account page and the analysts' counts: claim
-- names only, never values.
create table sharing_event (
    id          uuid          primary key,
    account_id  uuid          not null,
    client_id   varchar(128)  not null,
    kind        varchar(16)   not null,
    claim_names varchar(1000) not null default '',
    at          timestamp     not null
);

create index sharing_event_account on sharing_event (account_id, at);

-- Spring Authorization Server's authorizations, stored without a token value (each as its SHA-256) and without
-- personal data: an ID token's claims are kept only for the protocol's own (iss, sub, aud, nonce, acr, ...), and the
-- released attributes live sealed in the vault, as long as the access token.
create table agency_authorization (
    id                    varchar(100)  primary key,
    client_id             varchar(128)  not null,
    principal_name        varchar(200)  not null,
    grant_type            varchar(100)  not null,
    authorized_scopes     varchar(1000) not null default '',
    attributes            varchar(8000) not null,
    consent_state_hash    varchar(64),
    code_hash             varchar(64),
    code_issued_at        timestamp,
    code_expires_at       timestamp,
    code_metadata         varchar(8000),
    access_token_hash     varchar(64),
    access_token_issued_at  timestamp,
    access_token_expires_at timestamp,
    access_token_scopes   varchar(1000),
    access_token_metadata varchar(8000),
    id_token_hash         varchar(64),
    id_token_issued_at    timestamp,
    id_token_expires_at   timestamp,
    id_token_metadata     varchar(8000),
    created_at            timestamp     not null
);

create index agency_authorization_state on agency_authorization (consent_state_hash);
create index agency_authorization_code on agency_authorization (code_hash);
create index agency_authorization_access on agency_authorization (access_token_hash);
create index agency_authorization_id_token on agency_authorization (id_token_hash);

-- Links sent by email that prove control of an address: a sign-up's confirmation (the password is chosen once it is
-- followed) and, later, a password reset. Only the SHA-256 of the link's token is kept, so a reader of this table
-- cannot follow one; the address of a sign-up is sealed under the attribute key (context: the token's digest) and
-- fingerprinted. A link works once (used_at), until expires_at.
create table email_link (
    token_digest      varchar(64)   primary key,
    purpose           varchar(16)   not null,
    account_id        uuid          references account (id),
    email_ciphertext  varchar(1024),
    email_fingerprint varchar(64)   not null,
    created_at        timestamp     not null,
    expires_at        timestamp     not null,
    used_at           timestamp
);

create index email_link_expiry on email_link (expires_at);

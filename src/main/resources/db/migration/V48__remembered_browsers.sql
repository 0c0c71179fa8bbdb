-- "Remember this browser" (issue 12): a browser whose second step was passed with the box ticked holds a random token
-- in a cookie; only the token's SHA-256 is kept here, with the account, the kind of method that was used then and its
-- OpenID Connect amr value, and when it stops counting. A later sign-in with the right password in that browser skips
-- the second step until expires_at. Adding or removing a method, a password change or reset, and the account page's
-- "Forget remembered browsers" delete every row of the account.
create table remembered_browser (
    token_digest     varchar(64)   primary key,
    account_id       uuid          not null references account (id),
    kind             varchar(32)   not null,
    amr              varchar(16)   not null,
    created_at       timestamp     not null,
    expires_at       timestamp     not null
);

create index remembered_browser_account on remembered_browser (account_id);

-- A phone as a second method: the number is sealed in auth_method.secret_ciphertext (context auth-method-secret:<id>);
-- its HMAC fingerprint, only to tell the same number added twice to one account.
alter table auth_method add column secret_fingerprint varchar(64);

-- The one code sent to a phone method for its confirmation or a sign-in, as its HMAC fingerprint only: single use
-- (deleted when used or replaced by the next send), valid until expires_at.
create table phone_code (
    method_id        uuid          primary key references auth_method (id) on delete cascade,
    code_fingerprint varchar(64)   not null,
    channel          varchar(8)    not null,
    expires_at       timestamp     not null
);

-- What the proofing journey leaves behind besides the engine's history. Nothing here is readable PII:
-- letter and enrollment details are sealed with the shared attribute key, codes are kept as fingerprints.

-- The name and address a letter goes to, sealed, from the moment the person confirms it until the journey
-- ends (a new letter after an expired code goes to the same address). The code is sealed too, so that a
-- retried send prints the same code.
create table pending_letter (
    journey_id    uuid          primary key,
    sealed_letter varchar(4000) not null,
    sealed_code   varchar(400),
    created_at    timestamp     not null
);

-- Codes sent by mail: only an HMAC fingerprint, each valid until its own expiry.
create table letter_code (
    code_fingerprint varchar(128) primary key,
    journey_id       uuid         not null,
    sent_at          timestamp    not null,
    expires_at       timestamp    not null
);
create index letter_code_journey on letter_code (journey_id);

-- USPS in-person enrollments; the enrollment code is sealed (it is what the person shows at the counter).
create table in_person_enrollment (
    journey_id    uuid          primary key,
    unique_id     varchar(64)   not null,
    sealed_code   varchar(400)  not null,
    expires_at    timestamp     not null,
    status        varchar(16)   not null,
    created_at    timestamp     not null
);

-- An account verified at IAL2, and how (the pathway, as NIST 800-63A rev 4 asks to record).
create table identity_verification (
    account_id  varchar(64)  primary key,
    journey_id  uuid         not null,
    pathway     varchar(32)  not null,
    verified_at timestamp    not null
);

-- Explicit consent to share verified attributes with a partner agency.
create table consent_record (
    id           uuid         primary key,
    account_id   varchar(64)  not null,
    journey_id   uuid         not null,
    agency       varchar(128) not null,
    attributes   varchar(512) not null,
    consented_at timestamp    not null
);
create index consent_record_account on consent_record (account_id);

-- A person's proofing journeys. The id is also the process instance's business key: opaque, never personal.
-- active_account_id equals account_id while the journey runs and is cleared when it ends; its unique
-- constraint is what enforces "one active journey per account" on H2 and PostgreSQL alike.
create table proofing_journey (
    id                  uuid         primary key,
    account_id          varchar(64)  not null,
    active_account_id   varchar(64)  unique,
    process_instance_id varchar(64),
    started_at          timestamp    not null,
    ended_at            timestamp
);

create index proofing_journey_account on proofing_journey (account_id);

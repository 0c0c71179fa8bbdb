-- How journeys move, counted per hour (UTC): per process definition (key and version), BPMN element (an activity's
-- id, a sequence flow's id, or the process's own key for the journeys themselves) and outcome (entered, completed,
-- cancelled, taken; a check's PASS, FAIL or VENDOR_ERROR). Ids of the models' elements and outcomes only, never PII.
-- One row per bucket, added to as journeys move (io.proofline.analytics.JourneyBuckets), so the table grows with
-- hours x elements, not with journeys; rows older than the history's time-to-live are removed every hour.
-- bucket_hour, not hour: HOUR is a keyword of H2.
create table journey_bucket (
    bucket_hour     timestamp    not null,
    process_key     varchar(255) not null,
    process_version integer      not null,
    element_id      varchar(255) not null,
    outcome         varchar(32)  not null,
    count           bigint       not null,
    primary key (bucket_hour, process_key, process_version, element_id, outcome)
);

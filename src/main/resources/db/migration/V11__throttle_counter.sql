-- Failed-attempt counters and lockouts. subject is opaque (an account id or an HMAC fingerprint), never PII.
create table throttle_counter (
    subject           varchar(128) not null,
    throttle_type     varchar(32)  not null,
    attempts          integer      not null,
    window_started_at timestamp    not null,
    locked_until      timestamp,
    primary key (subject, throttle_type)
);

-- Pending profiles (letter and in-person paths). A profile whose address is not yet verified is PENDING and
-- holds no SSN: claimed_ssn_fingerprint is null until the profile is activated (letter code entered, Post Office
-- visit passed), when the unique key on claimed_ssn_fingerprint decides which of two profiles of one SSN wins.
-- EXPIRED (the letter's code ran out; a new letter may follow) and FAILED (the journey ended unverified) hold
-- nothing either. journey_id ties a profile to the journey that sealed it (null for profiles activated before).
alter table account_profile add column journey_id uuid;

-- Before this change a letter or in-person profile was ACTIVE and claimed its SSN at password re-entry. One that
-- was never activated (no identity verification recorded since it was sealed) becomes PENDING and lets go of the
-- SSN; it belongs to its account's running journey, if any.
update account_profile set status = 'PENDING', claimed_ssn_fingerprint = null,
    journey_id = (select j.id from proofing_journey j where j.active_account_id = cast(account_profile.account_id as varchar(64)))
where status = 'ACTIVE' and not exists (
    select 1 from identity_verification v
    where v.account_id = cast(account_profile.account_id as varchar(64)) and v.verified_at >= account_profile.verified_at);

-- Of those, one whose journey is over will never be activated: it failed.
update account_profile set status = 'FAILED' where status = 'PENDING' and journey_id is null;

create index account_profile_journey on account_profile (journey_id);

-- The letter's name and address and its code leave our tables (they were sealed under the shared attribute key for
-- 30 days and more). The name and address live in the pending profile, under the person's password; a letter's send
-- gets them from a short-lived hand-off in the vault; the code is derived from the send's idempotency key and only
-- its fingerprint is kept (letter_code). A letter prepared but not yet sent at this upgrade is requested again.
drop table pending_letter;

-- The in-person enrollment code is kept only while the enrollment is pending (USPS's status lookup needs it).
alter table in_person_enrollment alter column sealed_code drop not null;
update in_person_enrollment set sealed_code = null where status <> 'PENDING';

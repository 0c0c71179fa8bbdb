-- The end of a proofing journey now answers the agency that sent the person (agency_consent, sharing_event): the
-- fixed "partner-agency" consent of every journey goes, with its table.
drop table consent_record;

-- A password reset leaves every readable profile (verified, or awaiting its letter's code or the Post Office) waiting
-- for the personal key; recovered, it returns to the status it had: a profile still awaiting its address stays so.
alter table account_profile add column status_before_reset varchar(32);

-- A shared need typed in error (its need, category, quantities, date or note) is corrected as a co-production
-- project is (079), at its version, which each correction raises.
alter table demand_bundle add column version integer not null default 1;

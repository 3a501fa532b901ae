-- The decisions taken at once for a selection of deliveries share a selection id: a public quantity the
-- decision states is what those deliveries hold together, which a later change of one of them keeps true.
-- A decision taken before was taken at once with those decided at the same moment by the same person; a
-- row written without one is a decision on its delivery alone.
alter table disclosure_decision add column selection_id uuid;
update disclosure_decision set selection_id = md5(decided_at::text || ' ' || decided_by_name)::uuid;
alter table disclosure_decision alter column selection_id set default gen_random_uuid();
alter table disclosure_decision alter column selection_id set not null;
create index disclosure_decision_selection on disclosure_decision (selection_id);

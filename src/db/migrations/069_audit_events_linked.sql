-- Every event added to the chain links to the event before it: its sequence number is one past that
-- event's and its previous hash is that event's hash (the genesis hash before the first). Checked once per
-- statement, over the rows it added, in their order: a fork (a second event on the same event) and a gap are
-- both refused. This replaces the unique index on the previous hash, which refused a fork only and cost a
-- random page of a B-tree of 64-character keys per event: a third of the database's work on the 100,000
-- events of an import.
--
-- The events linked at COMMIT (link_pending_audit_event, migration 027) are not checked again: that
-- function makes each link from the chain's end, read under the append lock, and the primary key refuses
-- a second event with the same sequence number. Its insert runs inside a trigger; every other insert (a
-- batch appended by bulk registration, or any other client of the database) is checked.
create function refuse_unlinked_audit_events() returns trigger language plpgsql as $$
declare
  unlinked bigint;
begin
  select linked.seq into unlinked
  from (
    select added.seq, added.prev_hash, lag(added.seq) over in_order as seq_before, lag(added.hash) over in_order as hash_before
    from added
    window in_order as (order by added.seq)
  ) linked
  where case
    when linked.seq_before is null then linked.prev_hash is distinct from
      coalesce((select e.hash from audit_event e where e.seq = linked.seq - 1), case when linked.seq = 1 then repeat('0', 64) end)
    else linked.seq <> linked.seq_before + 1 or linked.prev_hash <> linked.hash_before
  end
  limit 1;
  if found then
    raise exception 'audit event % does not link to the event before it', unlinked using errcode = 'integrity_constraint_violation';
  end if;
  return null;
end;
$$;

create trigger audit_event_linked after insert on audit_event referencing new table as added
  for each statement when (pg_trigger_depth() = 0) execute function refuse_unlinked_audit_events();

alter table audit_event drop constraint audit_event_prev_hash_key;

-- Audit events linked into the chain at COMMIT. A transaction writes each event it records here, with
-- its canonical text in the two pieces around its previous hash and sequence number (unknown until the
-- append lock is held): `before_prev_hash`, the previous hash, `before_seq`, the sequence number, "}".
-- A deferred constraint trigger links them at COMMIT, in the order written: it takes the same
-- transaction-scoped advisory lock as the batch append, reads the chain's end after it (a volatile
-- function's statements each see the newest commits), hashes the completed text with SHA-256, inserts
-- the event into audit_event and removes it from here. The lock is therefore held only while the
-- transaction commits, not across the round trips of the change, and a change still cannot commit
-- without its event: if the event cannot be linked, the COMMIT fails. Rows never outlive their
-- transaction, so the table needs no crash safety (unlogged: no write-ahead log for it).
create unlogged table audit_event_pending (
  id bigint generated always as identity primary key,
  before_prev_hash text not null,
  before_seq text not null,
  occurred_at timestamptz not null,
  actor_id uuid,
  actor_name text,
  actor_role text,
  action text not null,
  object_type text,
  object_id text,
  result text not null,
  origin text,
  request_id text
);

create function link_pending_audit_event() returns trigger language plpgsql volatile as $$
declare
  last_seq bigint;
  last_hash text;
  canonical_text text;
begin
  perform pg_advisory_xact_lock(7412001);
  select e.seq, e.hash into last_seq, last_hash from audit_event e order by e.seq desc limit 1;
  last_seq := coalesce(last_seq, 0);
  last_hash := coalesce(last_hash, repeat('0', 64));
  canonical_text := new.before_prev_hash || last_hash || new.before_seq || (last_seq + 1)::text || '}';
  insert into audit_event (seq, prev_hash, hash, canonical, occurred_at, actor_id, actor_name, actor_role, action, object_type, object_id, result, origin, request_id)
  values (last_seq + 1, last_hash, encode(sha256(convert_to(canonical_text, 'UTF8')), 'hex'), canonical_text, new.occurred_at,
          new.actor_id, new.actor_name, new.actor_role, new.action, new.object_type, new.object_id, new.result, new.origin, new.request_id);
  delete from audit_event_pending where id = new.id;
  return null;
end
$$;

create constraint trigger audit_event_linked_at_commit after insert on audit_event_pending
  deferrable initially deferred for each row execute function link_pending_audit_event();

-- Lists are paged by position (keyset): each sort walks an index on (sort key, id) from the last row
-- shown, however deep the page. Title, creation, value and realisation have theirs (001, 002); the
-- other sort keys get one here. Nullable keys are read in two walks (dated, then undated), so one
-- ascending index serves both directions.
create index delivery_committed on delivery (committed_at, id) where deleted_at is null;
create index delivery_support_type on delivery (support_type, id) where deleted_at is null;
create index delivery_category on delivery (category, id) where deleted_at is null;

-- The disclosure queue (undecided, realised first) walks this one from its last row.
create index delivery_disclosure_queue_keyset on delivery (disclosure_state, realised_at, id) where deleted_at is null;
drop index delivery_disclosure_queue;

-- The public deliveries file is read in its order (latest decision first, then title) from a position.
create index public_delivery_in_order on public_delivery (decided_on desc, title, public_id);
-- The latest moment from which a delivery became visible: what time alone changes in the public file.
create index public_delivery_visible_from on public_delivery (visible_from);

-- A number that changes with every change to the public projection of deliveries (a disclosure decision,
-- a publication, a removal): with the latest visible_from already passed, it names the public file's
-- content, so that its ETag costs two index reads instead of reading the file.
create table public_delivery_version (
  only_row boolean primary key default true check (only_row),
  version bigint not null
);
insert into public_delivery_version (version) values (1);

create function bump_public_delivery_version() returns trigger language plpgsql as $$
begin
  update public_delivery_version set version = version + 1;
  return null;
end;
$$;

create trigger public_delivery_version_bump
  after insert or update or delete or truncate on public_delivery
  for each statement execute function bump_public_delivery_version();

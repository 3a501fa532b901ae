-- The open data catalogue says when the public deliveries last changed. It read that from the rows shown (the
-- latest decision on them, the latest moment one was shown from, the latest publication), which a delivery taken
-- out of them (decided confidential again, removed) or an item changed in place (its value withheld, its date
-- moved) left where they were, or moved back to an earlier day. The moment of the latest statement that changed a
-- row shown, or a published letter (what moves the version, migrations 068 and 070), is kept beside the version:
-- null until such a statement comes.
alter table public_delivery_version add column changed_at timestamptz;

create or replace function bump_public_delivery_version() returns trigger language plpgsql as $$
begin
  update public_delivery_version set version = version + 1, changed_at = now();
  return null;
end;
$$;

create or replace function bump_public_delivery_version_if_shown() returns trigger language plpgsql as $$
declare
  shown boolean := false;
begin
  if tg_op in ('INSERT', 'UPDATE') then
    shown := exists (select 1 from new_rows where visible_from <= now());
  end if;
  if not shown and tg_op in ('UPDATE', 'DELETE') then
    shown := exists (select 1 from old_rows where visible_from <= now());
  end if;
  if shown then
    update public_delivery_version set version = version + 1, changed_at = now();
  end if;
  return null;
end;
$$;

create or replace function bump_public_delivery_version_if_changed() returns trigger language plpgsql as $$
declare
  changed boolean := false;
begin
  if tg_op in ('INSERT', 'UPDATE') then
    changed := exists (select 1 from new_rows);
  end if;
  if not changed and tg_op = 'DELETE' then
    changed := exists (select 1 from old_rows);
  end if;
  if changed then
    update public_delivery_version set version = version + 1, changed_at = now();
  end if;
  return null;
end;
$$;

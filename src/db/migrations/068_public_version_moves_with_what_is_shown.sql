-- The version that names the public deliveries' file (migration 015) moved with every statement on
-- public_delivery or public_letter, also one that changed no row anyone may see: a decision that leaves a
-- delivery confidential (it removes nothing), one public that waits for its letter's publication (visible_from
-- null), a publication scheduled (its letter has no public copy yet). The next reader of the file then waited
-- while it was read again to find it unchanged, which told by its time that such a step was taken. It now moves
-- only with a row that is shown or is to be shown from a moment (visible_from set), and with a public letter's.
drop trigger public_delivery_version_bump on public_delivery;
drop trigger public_letter_version_bump on public_letter;

create function bump_public_delivery_version_if_shown() returns trigger language plpgsql as $$
declare
  shown boolean := false;
begin
  if tg_op in ('INSERT', 'UPDATE') then
    shown := exists (select 1 from new_rows where visible_from is not null);
  end if;
  if not shown and tg_op in ('UPDATE', 'DELETE') then
    shown := exists (select 1 from old_rows where visible_from is not null);
  end if;
  if shown then
    update public_delivery_version set version = version + 1;
  end if;
  return null;
end;
$$;

create function bump_public_delivery_version_if_changed() returns trigger language plpgsql as $$
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
    update public_delivery_version set version = version + 1;
  end if;
  return null;
end;
$$;

create trigger public_delivery_version_bump_insert after insert on public_delivery
  referencing new table as new_rows for each statement execute function bump_public_delivery_version_if_shown();
create trigger public_delivery_version_bump_update after update on public_delivery
  referencing old table as old_rows new table as new_rows for each statement execute function bump_public_delivery_version_if_shown();
create trigger public_delivery_version_bump_delete after delete on public_delivery
  referencing old table as old_rows for each statement execute function bump_public_delivery_version_if_shown();
create trigger public_delivery_version_bump_truncate after truncate on public_delivery
  for each statement execute function bump_public_delivery_version();

create trigger public_letter_version_bump_insert after insert on public_letter
  referencing new table as new_rows for each statement execute function bump_public_delivery_version_if_changed();
create trigger public_letter_version_bump_update after update on public_letter
  referencing old table as old_rows new table as new_rows for each statement execute function bump_public_delivery_version_if_changed();
create trigger public_letter_version_bump_delete after delete on public_letter
  referencing old table as old_rows for each statement execute function bump_public_delivery_version_if_changed();

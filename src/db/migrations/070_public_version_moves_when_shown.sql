-- The version that names the public deliveries' file (migration 068) moved with a row public from a moment
-- still to come (a decision public from a later date): the next reader of the file then waited while it was read
-- again to find it unchanged, which told by its time, before that date, that such a decision was taken. It now
-- moves only with a row shown at the time of the statement; one shown from a later moment moves what names the
-- file when that moment passes (the latest moment passed from which a row is shown, publicDeliveriesVersion).
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
    update public_delivery_version set version = version + 1;
  end if;
  return null;
end;
$$;

-- The letter to parliament has one name, in the code and in the schema: the table "report" becomes "letter".
-- Rows, the final letters' snapshots and the audit trail are untouched; only names change.
alter table report rename to letter;
alter table letter rename column previous_report_id to previous_letter_id;
alter table letter rename constraint report_pkey to letter_pkey;
alter table letter rename constraint report_previous_report_id_fkey to letter_previous_letter_id_fkey;
alter index report_one_final_per_reference_date rename to letter_one_final_per_reference_date;

drop trigger report_final_is_frozen on letter;
drop function keep_final_report();

-- A final letter never changes: only the parliamentary paper number and the publication date, which
-- parliament assigns after sending, may be added. A final letter is never removed.
create function keep_final_letter() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status = 'final' then
      raise exception 'a final letter cannot be removed' using errcode = 'insufficient_privilege';
    end if;
    return old;
  end if;
  if old.status = 'final' and (
    new.status is distinct from old.status or new.reference_date is distinct from old.reference_date
    or new.letter_date is distinct from old.letter_date or new.previous_letter_id is distinct from old.previous_letter_id
    or new.blocks is distinct from old.blocks or new.public_snapshot is distinct from old.public_snapshot
    or new.public_sha256 is distinct from old.public_sha256 or new.annex_snapshot is distinct from old.annex_snapshot
    or new.annex_sha256 is distinct from old.annex_sha256 or new.finalised_at is distinct from old.finalised_at
    or new.finalised_by_name is distinct from old.finalised_by_name or new.created_by_name is distinct from old.created_by_name
    or new.approved_sha256 is distinct from old.approved_sha256 or new.approved_by_name is distinct from old.approved_by_name
    or new.approved_at is distinct from old.approved_at
    or new.is_demonstration is distinct from old.is_demonstration or new.created_at is distinct from old.created_at
    or (old.paper_number is not null and new.paper_number is distinct from old.paper_number)
    or (old.published_on is not null and new.published_on is distinct from old.published_on)
  ) then
    raise exception 'a final letter cannot be changed' using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
create trigger letter_final_is_frozen before update or delete on letter
  for each row execute function keep_final_letter();

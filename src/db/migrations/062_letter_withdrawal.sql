-- A final letter not yet sent to parliament can be withdrawn, with the reason: one dated by mistake years ahead
-- (2035 for 2025, finalised before such a date was refused) could not be sent until then, nor could a letter after
-- it be dated or published, and the minister may decide not to send one. Its frozen texts, hashes and what it
-- listed stay, the record of what was final; it is no longer the letter a new one follows, and what it listed is
-- new again for the next. A letter sent is never withdrawn: parliament has it (publication_follows_sending keeps a
-- withdrawn letter without a sending, a scheduled publication or a publication).
alter table letter drop constraint report_status_check;
alter table letter add constraint letter_status check (status in ('draft', 'final', 'withdrawn'));
alter table letter add column withdrawn_at timestamptz;
alter table letter add column withdrawn_by_name text;
alter table letter add column withdrawal_reason text;
alter table letter add constraint withdrawn_with_reason check (
  (status = 'withdrawn') = (withdrawn_at is not null)
  and (withdrawn_at is null) = (withdrawn_by_name is null)
  and (withdrawn_at is null) = (withdrawal_reason is null));

-- A final letter's text and hashes never change. Its publication details may be corrected (each correction is
-- kept in letter_publication); it is sent and published once, or, never sent, withdrawn once. A withdrawn letter
-- never changes at all. Neither is ever removed.
create or replace function keep_final_letter() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status <> 'draft' then
      raise exception 'a final letter cannot be removed' using errcode = 'insufficient_privilege';
    end if;
    return old;
  end if;
  if old.status = 'withdrawn' and new is distinct from old then
    raise exception 'a withdrawn letter cannot be changed' using errcode = 'insufficient_privilege';
  end if;
  if old.status = 'final' and (
    (new.status is distinct from old.status and new.status <> 'withdrawn') or new.reference_date is distinct from old.reference_date
    or new.letter_date is distinct from old.letter_date or new.previous_letter_id is distinct from old.previous_letter_id
    or new.blocks is distinct from old.blocks or new.public_snapshot is distinct from old.public_snapshot
    or new.public_sha256 is distinct from old.public_sha256 or new.annex_snapshot is distinct from old.annex_snapshot
    or new.annex_sha256 is distinct from old.annex_sha256 or new.finalised_at is distinct from old.finalised_at
    or new.finalised_by_name is distinct from old.finalised_by_name or new.created_by_name is distinct from old.created_by_name
    or new.approved_sha256 is distinct from old.approved_sha256 or new.approved_by_name is distinct from old.approved_by_name
    or new.approved_at is distinct from old.approved_at
    or new.is_demonstration is distinct from old.is_demonstration or new.created_at is distinct from old.created_at
    or (old.sent_at is not null and (new.sent_at is distinct from old.sent_at or new.sent_by_name is distinct from old.sent_by_name))
    or (old.published_at is not null and (new.published_at is distinct from old.published_at or new.publish_at is distinct from old.publish_at))
  ) then
    raise exception 'a final letter cannot be changed' using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;

-- Embargo and publication: a final letter is sent to parliament and only then published, at once or at a
-- scheduled moment. Until it is published neither the letter nor a delivery first made public for it is
-- on any public surface. The review of a draft (submitted, approved, rejected, withdrawn) is a history.

alter table letter add column sent_at timestamptz;
alter table letter add column sent_by_name text;
alter table letter add column publish_at timestamptz;
alter table letter add column published_at timestamptz;
alter table letter add column submitted_at timestamptz;
alter table letter add column submitted_by_name text;
alter table letter add constraint publication_follows_sending check (
  (sent_at is null or status = 'final') and (publish_at is null or sent_at is not null) and (published_at is null or publish_at is not null));

-- Letters finalised before the embargo existed were public at once: they count as sent and published then.
update letter set sent_at = finalised_at, sent_by_name = finalised_by_name, publish_at = finalised_at, published_at = finalised_at
  where status = 'final';

-- A delivery decided public is on public surfaces from visible_from on: the publication of the first letter
-- that lists it, or the date its decision names. Null: waiting for that letter.
alter table public_delivery add column visible_from timestamptz;
update public_delivery set visible_from = decided_on::timestamptz;
alter table disclosure_decision add column public_from date;
alter table disclosure_decision add constraint public_from_only_when_public check (state = 'public' or public_from is null);

-- Every publication record and every correction of it; the letter carries the latest. Never changed.
create table letter_publication (
  id uuid primary key,
  letter_id uuid not null references letter (id),
  paper_number text not null,
  published_on date not null,
  reason text not null default '',
  recorded_by_name text not null,
  recorded_at timestamptz not null
);
create index letter_publication_history on letter_publication (letter_id, recorded_at desc);
insert into letter_publication (id, letter_id, paper_number, published_on, recorded_by_name, recorded_at)
  select gen_random_uuid(), id, paper_number, published_on, finalised_by_name, finalised_at from letter
  where status = 'final' and paper_number is not null and published_on is not null;

create function keep_letter_publication() returns trigger language plpgsql as $$
begin
  raise exception 'a publication record cannot be changed' using errcode = 'insufficient_privilege';
end
$$;
create trigger letter_publication_is_kept before update or delete on letter_publication
  for each row execute function keep_letter_publication();

create table letter_review (
  id uuid primary key,
  letter_id uuid not null references letter (id) on delete cascade,
  action text not null check (action in ('submit', 'approve', 'reject', 'withdraw')),
  comment text not null default '',
  by_name text not null,
  at timestamptz not null
);
create index letter_review_history on letter_review (letter_id, at desc);

-- A final letter's text and hashes never change. Its publication details may be corrected (each
-- correction is kept in letter_publication); it is sent and published once.
create or replace function keep_final_letter() returns trigger language plpgsql as $$
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
    or (old.sent_at is not null and (new.sent_at is distinct from old.sent_at or new.sent_by_name is distinct from old.sent_by_name))
    or (old.published_at is not null and (new.published_at is distinct from old.published_at or new.publish_at is distinct from old.publish_at))
  ) then
    raise exception 'a final letter cannot be changed' using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;

create or replace function keep_public_letter() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' or new.id is distinct from old.id or new.reference_date is distinct from old.reference_date
    or new.letter_date is distinct from old.letter_date or new.snapshot is distinct from old.snapshot
    or new.sha256 is distinct from old.sha256 or new.is_demonstration is distinct from old.is_demonstration then
    raise exception 'a published letter cannot be changed' using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;

-- Disclosure decisions, the public projection, and the letters to parliament.

-- Every decision is kept; the delivery carries its current state (set in the decision's transaction).
create table disclosure_decision (
  id uuid primary key,
  delivery_id uuid not null references delivery (id),
  state text not null check (state in ('public', 'confidential')),
  public_title text,
  public_detail text,
  public_category text,
  public_quantity text,
  ground text check (ground in ('operationalSecurity', 'stateSecurity', 'internationalRelations', 'companyInterests')),
  review_on date,
  note text not null default '',
  decided_by_id uuid,
  decided_by_name text not null,
  decided_at timestamptz not null,
  constraint decision_complete check (
    (state = 'public' and public_title is not null and public_detail is not null and public_category is not null and ground is null and review_on is null)
    or (state = 'confidential' and ground is not null and public_title is null and public_detail is null and public_category is null and public_quantity is null)
  )
);
create index disclosure_decision_history on disclosure_decision (delivery_id, decided_at desc, id desc);

alter table delivery add column disclosure_state text not null default 'undecided'
  check (disclosure_state in ('undecided', 'public', 'confidential'));
-- The id the public knows a delivery by: not the internal one.
alter table delivery add column public_id uuid unique;
create index delivery_disclosure_queue on delivery (disclosure_state, realised_at) where deleted_at is null;

-- The public projection: the only rows and columns a public surface is built from. Written only by a
-- decision "public" (and removed by a later "confidential" decision or the removal of the delivery);
-- it has no column that leads back to the register.
create table public_delivery (
  public_id uuid primary key,
  title text not null,
  detail text not null,
  category text not null,
  support_type text not null,
  quantity text,
  decided_on date not null,
  is_demonstration boolean not null
);

create table report (
  id uuid primary key,
  reference_date date not null,
  letter_date date,
  previous_report_id uuid references report (id),
  status text not null check (status in ('draft', 'final')),
  blocks jsonb not null,
  -- Once final: the exact canonical JSON of the public letter and of the confidential annex, and their SHA-256.
  public_snapshot text,
  public_sha256 text,
  annex_snapshot text,
  annex_sha256 text,
  paper_number text,
  published_on date,
  created_by_name text not null,
  finalised_by_name text,
  -- A disclosure officer approves the public letter as it then reads (its SHA-256): the aggregates in it
  -- are a disclosure too. Finalising needs the approval of exactly what is finalised.
  approved_sha256 text,
  approved_by_name text,
  approved_at timestamptz,
  finalised_at timestamptz,
  is_demonstration boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null,
  constraint final_has_snapshot check (status = 'draft' or (public_snapshot is not null and public_sha256 = approved_sha256
    and annex_snapshot is not null and annex_sha256 is not null and finalised_at is not null and letter_date is not null))
);
create unique index report_one_final_per_reference_date on report (reference_date) where status = 'final';

-- A final letter never changes: only the parliamentary paper number and the publication date, which
-- parliament assigns after sending, may be added. A final letter is never removed.
create function keep_final_report() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status = 'final' then
      raise exception 'a final letter cannot be removed' using errcode = 'insufficient_privilege';
    end if;
    return old;
  end if;
  if old.status = 'final' and (
    new.status is distinct from old.status or new.reference_date is distinct from old.reference_date
    or new.letter_date is distinct from old.letter_date or new.previous_report_id is distinct from old.previous_report_id
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
create trigger report_final_is_frozen before update or delete on report
  for each row execute function keep_final_report();

-- The public projection of final letters: their public snapshot only, never the annex.
create table public_letter (
  id uuid primary key,
  reference_date date not null,
  letter_date date not null,
  paper_number text,
  published_on date,
  snapshot text not null,
  sha256 text not null,
  is_demonstration boolean not null
);

create function keep_public_letter() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' or new.id is distinct from old.id or new.reference_date is distinct from old.reference_date
    or new.letter_date is distinct from old.letter_date or new.snapshot is distinct from old.snapshot
    or new.sha256 is distinct from old.sha256 or new.is_demonstration is distinct from old.is_demonstration
    or (old.paper_number is not null and new.paper_number is distinct from old.paper_number)
    or (old.published_on is not null and new.published_on is distinct from old.published_on) then
    raise exception 'a published letter cannot be changed' using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
create trigger public_letter_is_frozen before update or delete on public_letter
  for each row execute function keep_public_letter();

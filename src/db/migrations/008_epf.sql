-- The European Peace Facility (EPF): its tranches as the EU reports them, and the Netherlands' claims on it
-- with their history. History is rows added, never rows changed: the latest row on or before a date holds.

create table epf_tranche (
  id uuid primary key,
  kind text not null check (kind in ('assistanceMeasure', 'windfallProfits')),
  name text not null check (length(name) between 1 and 300),
  -- The EU-wide amount as reported: never part of a Dutch total.
  eu_amount_cents bigint not null check (eu_amount_cents > 0),
  decided_on date not null,
  dutch_role text not null check (dutch_role in ('claimant', 'implementingActor', 'none')),
  note text not null default '',
  is_demonstration boolean not null default false,
  recorded_at timestamptz not null default now()
);

-- A claim covers one delivery or a batch (then the batch says what it covers).
create table epf_claim (
  id uuid primary key,
  reference text not null unique check (length(reference) between 1 and 100),
  delivery_id uuid references delivery (id),
  batch text not null default '',
  tranche_id uuid references epf_tranche (id),
  period text not null check (length(period) between 1 and 100),
  declared_cents bigint not null check (declared_cents > 0),
  declared_on date not null,
  note text not null default '',
  is_demonstration boolean not null default false,
  recorded_at timestamptz not null default now(),
  constraint delivery_or_batch check ((delivery_id is null) <> (batch = ''))
);
create index epf_claim_by_delivery on epf_claim (delivery_id) where delivery_id is not null;

-- The assessment of a claim: the amount compensated, and the year by which the rest is expected.
create table epf_assessment (
  id uuid primary key,
  claim_id uuid not null references epf_claim (id),
  compensated_cents bigint not null check (compensated_cents >= 0),
  assessed_on date not null,
  remainder_expected_by integer check (remainder_expected_by between 2014 and 2100),
  note text not null default '',
  recorded_at timestamptz not null default now()
);
create index epf_assessment_by_claim on epf_assessment (claim_id, assessed_on desc, recorded_at desc);

-- Money received on a claim.
create table epf_receipt (
  id uuid primary key,
  claim_id uuid not null references epf_claim (id),
  amount_cents bigint not null check (amount_cents > 0),
  received_on date not null,
  note text not null default '',
  recorded_at timestamptz not null default now()
);
create index epf_receipt_by_claim on epf_receipt (claim_id, received_on);

-- A claim blocked (with its reason) or released again.
create table epf_blockage (
  id uuid primary key,
  claim_id uuid not null references epf_claim (id),
  blocked boolean not null,
  effective_on date not null,
  reason text not null default '',
  recorded_at timestamptz not null default now(),
  constraint blocked_has_reason check (not blocked or length(reason) > 0)
);
create index epf_blockage_by_claim on epf_blockage (claim_id, effective_on desc, recorded_at desc);

create function keep_epf_history() returns trigger language plpgsql as $$
begin
  raise exception 'EPF history is never changed: add a row instead' using errcode = 'insufficient_privilege';
end;
$$;
create trigger epf_tranche_kept before update or delete on epf_tranche for each row execute function keep_epf_history();
create trigger epf_claim_kept before update or delete on epf_claim for each row execute function keep_epf_history();
create trigger epf_assessment_kept before update or delete on epf_assessment for each row execute function keep_epf_history();
create trigger epf_receipt_kept before update or delete on epf_receipt for each row execute function keep_epf_history();
create trigger epf_blockage_kept before update or delete on epf_blockage for each row execute function keep_epf_history();

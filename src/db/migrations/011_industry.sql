-- Industry cooperation: companies, their government-to-business contracts with milestones, price
-- developments, lessons learned, co-production projects and demand bundling. Company and contract details
-- are commercially confidential: only a disclosure officer's decision "public" puts a company's name and
-- country in the public projection (public_company); nothing else of this domain reaches a public surface.

create table company (
  id uuid primary key,
  name text not null,
  -- ISO 3166-1 alpha-2; NL and UA make a company Dutch or Ukrainian, any other country "other".
  country text not null check (country ~ '^[A-Z]{2}$'),
  registration_number text,
  disclosure_state text not null default 'undecided' check (disclosure_state in ('undecided', 'public', 'confidential')),
  -- The id the public knows a public company by: not the internal one.
  public_id uuid unique,
  is_demonstration boolean not null,
  created_at timestamptz not null
);

-- Every decision on a company is kept; the company carries its current state (set in the decision's transaction).
create table company_disclosure_decision (
  id uuid primary key,
  company_id uuid not null references company (id),
  state text not null check (state in ('public', 'confidential')),
  public_name text,
  ground text check (ground in ('operationalSecurity', 'stateSecurity', 'internationalRelations', 'companyInterests')),
  review_on date,
  note text not null default '',
  decided_by_id uuid,
  decided_by_name text not null,
  decided_at timestamptz not null,
  constraint company_decision_complete check (
    (state = 'public' and public_name is not null and ground is null and review_on is null)
    or (state = 'confidential' and ground is not null and public_name is null)
  )
);
create index company_disclosure_decision_history on company_disclosure_decision (company_id, decided_at desc, id desc);

-- The public projection of companies decided public: no column leads back to the register.
create table public_company (
  public_id uuid primary key,
  name text not null,
  country text not null,
  decided_on date not null,
  is_demonstration boolean not null
);

create table industry_contract (
  id uuid primary key,
  company_id uuid not null references company (id),
  reference text not null,
  subject text not null,
  amount_cents bigint not null check (amount_cents > 0),
  signed_on date not null,
  is_demonstration boolean not null,
  created_at timestamptz not null
);
create index industry_contract_company on industry_contract (company_id, signed_on);

-- The procurement deliveries a contract fulfils.
create table industry_contract_delivery (
  contract_id uuid not null references industry_contract (id),
  delivery_id uuid not null references delivery (id),
  primary key (contract_id, delivery_id)
);

create table contract_milestone (
  id uuid primary key,
  contract_id uuid not null references industry_contract (id),
  title text not null,
  due_on date not null
);
create index contract_milestone_contract on contract_milestone (contract_id, due_on);

-- Progress is a history: each report is a row; a report lower than the one before it carries its reason.
create table milestone_progress (
  id uuid primary key,
  milestone_id uuid not null references contract_milestone (id),
  percent integer not null check (percent between 0 and 100),
  reported_on date not null,
  reason text not null default '',
  recorded_by_name text not null,
  recorded_at timestamptz not null
);
create index milestone_progress_history on milestone_progress (milestone_id, reported_on, recorded_at);

-- The price paid for an item against an earlier price for the same item: speed can weigh more than price.
create table price_development (
  id uuid primary key,
  item text not null,
  contract_id uuid references industry_contract (id),
  earlier_price_cents bigint not null check (earlier_price_cents > 0),
  earlier_on date not null,
  paid_price_cents bigint not null check (paid_price_cents > 0),
  paid_on date not null,
  note text not null default '',
  is_demonstration boolean not null,
  created_at timestamptz not null,
  check (earlier_on <= paid_on)
);

create table lesson_learned (
  id uuid primary key,
  noted_on date not null,
  category text not null check (category in ('contracting', 'pricing', 'delivery', 'quality', 'cooperation')),
  text text not null,
  is_demonstration boolean not null,
  created_at timestamptz not null
);

create table coproduction_project (
  id uuid primary key,
  title text not null,
  partner text not null,
  is_demonstration boolean not null,
  created_at timestamptz not null
);

-- The stages a co-production project reached, a history: intention, memorandum of understanding, signed, producing.
create table coproduction_stage (
  id uuid primary key,
  project_id uuid not null references coproduction_project (id),
  stage text not null check (stage in ('intention', 'memorandum', 'signed', 'producing')),
  reached_on date not null,
  note text not null default '',
  recorded_at timestamptz not null
);
create index coproduction_stage_history on coproduction_stage (project_id, reached_on, recorded_at);

-- Needs the Dutch and the Ukrainian forces share, bought together to use production capacity best.
create table demand_bundle (
  id uuid primary key,
  need text not null,
  category text not null,
  dutch_quantity integer not null check (dutch_quantity > 0),
  ukrainian_quantity integer not null check (ukrainian_quantity > 0),
  identified_on date not null,
  note text not null default '',
  is_demonstration boolean not null,
  created_at timestamptz not null
);

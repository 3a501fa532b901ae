-- The budget for military support: decisions that make money available per budget year, shifts of money
-- between years, and commitments (pledges and legal commitments) against a year's budget. Nothing here
-- is overwritten: a decision, a shift and every stage of a commitment is a row of its own with the date
-- it was decided on, so that the budget of any year can be read as it stood at any date.

create table budget_decision (
  id uuid primary key,
  -- The moment of the budget cycle it was taken at: "Voorjaarsnota 2025".
  moment text not null check (length(moment) between 1 and 200),
  decided_on date not null,
  fund text not null check (fund in ('defenceBudget', 'ukraineSupportBudget', 'internationalSecurityBudget')),
  first_year integer not null check (first_year between 2022 and 2100),
  last_year integer not null check (last_year between first_year and 2100),
  description text not null default '',
  is_demonstration boolean not null default false,
  recorded_at timestamptz not null default now()
);

create table budget_decision_amount (
  decision_id uuid not null references budget_decision (id),
  budget_year integer not null,
  amount_cents bigint not null check (amount_cents > 0),
  primary key (decision_id, budget_year)
);

create table budget_shift (
  id uuid primary key,
  moment text not null check (length(moment) between 1 and 200),
  decided_on date not null,
  fund text not null check (fund in ('defenceBudget', 'ukraineSupportBudget', 'internationalSecurityBudget')),
  from_year integer not null check (from_year between 2022 and 2100),
  to_year integer not null check (to_year between 2022 and 2100 and to_year <> from_year),
  amount_cents bigint not null check (amount_cents > 0),
  description text not null default '',
  is_demonstration boolean not null default false,
  recorded_at timestamptz not null default now()
);
create index budget_shift_by_fund on budget_shift (fund, decided_on);

-- What money of a year's budget is meant for: a delivery, a contract or a contribution.
create table budget_commitment (
  id uuid primary key,
  title text not null check (length(title) between 1 and 300),
  fund text not null check (fund in ('defenceBudget', 'ukraineSupportBudget', 'internationalSecurityBudget')),
  budget_year integer not null check (budget_year between 2022 and 2100),
  delivery_id uuid references delivery (id),
  contract_reference text,
  is_demonstration boolean not null default false,
  created_at timestamptz not null default now()
);
create index budget_commitment_by_year on budget_commitment (budget_year, fund);

-- Each stage a commitment reaches (pledged, then legally committed), with the amount it holds from that
-- day; a later row supersedes an earlier one, and none is changed. Realisation is the register's own:
-- the payments and valuations of the deliveries.
create table budget_commitment_stage (
  id uuid primary key,
  commitment_id uuid not null references budget_commitment (id),
  stage text not null check (stage in ('pledged', 'committed')),
  amount_cents bigint not null check (amount_cents > 0),
  effective_on date not null,
  note text not null default '',
  recorded_at timestamptz not null default now()
);
create index budget_commitment_stage_by_commitment on budget_commitment_stage (commitment_id, effective_on, recorded_at);

-- Training of Ukrainian soldiers, and the effects of stock deliveries on the armed forces' readiness
-- with their replenishment. Counts and judgements are history: each is a row added, never overwritten.

create table training_programme (
  id uuid primary key,
  -- The short name the letter's text uses for its figures: {{training:stc.trainers}}.
  key text not null unique check (key ~ '^[a-z][a-z0-9-]{0,39}$'),
  name text not null check (length(name) between 1 and 300),
  host_country char(2) not null check (host_country ~ '^[A-Z]{2}$'),
  framework text not null check (framework in ('euMission', 'bilateral', 'coalition')),
  system_trained_on text,
  description text not null default '',
  is_demonstration boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The deliveries a programme teaches Ukrainian soldiers to use.
create table training_programme_delivery (
  programme_id uuid not null references training_programme (id),
  delivery_id uuid not null references delivery (id),
  primary key (programme_id, delivery_id)
);

-- What the Netherlands contributed to a programme over a period, counted up to a date (for a plan: the
-- date it was decided). A figure at a reference date is taken from the latest contribution counted by then.
create table training_contribution (
  id uuid primary key,
  programme_id uuid not null references training_programme (id),
  period_from date not null,
  period_to date,
  counts_up_to date not null,
  trainers integer check (trainers >= 0),
  trainers_is_maximum boolean not null default false,
  rotations integer check (rotations >= 0),
  soldiers_per_rotation integer check (soldiers_per_rotation >= 0),
  trainees integer check (trainees >= 0),
  trainees_is_approximate boolean not null default false,
  courses integer check (courses >= 0),
  cost_estimate_cents bigint check (cost_estimate_cents > 0),
  funding_source text check (funding_source in ('defenceBudget', 'ukraineSupportBudget', 'internationalSecurityBudget', 'epf')),
  note text not null default '',
  recorded_by_name text not null,
  recorded_at timestamptz not null,
  constraint period_in_order check (period_to is null or period_to >= period_from)
);
create index training_contribution_by_programme on training_contribution (programme_id, counts_up_to desc, recorded_at desc);

-- The effect of a stock delivery on readiness and the NATO capability targets, as judged at a date.
create table readiness_judgement (
  id uuid primary key,
  delivery_id uuid not null references delivery (id),
  effect text not null check (effect in ('none', 'acceptable', 'significantButAcceptable', 'unacceptable')),
  reasoning text not null check (length(reasoning) between 1 and 4000),
  judged_on date not null,
  judged_by_name text not null,
  recorded_at timestamptz not null
);
create index readiness_judgement_history on readiness_judgement (delivery_id, judged_on desc, recorded_at desc);

create table replenishment_project (
  id uuid primary key,
  name text not null check (length(name) between 1 and 300),
  stage text not null check (stage in ('identified', 'approved', 'contracted', 'delivered')),
  budget_cents bigint check (budget_cents > 0),
  expected_on date,
  note text not null default '',
  is_demonstration boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- What a project replaces of a delivery: part of its value and, where counted, of its quantity.
create table replenishment_project_delivery (
  project_id uuid not null references replenishment_project (id),
  delivery_id uuid not null references delivery (id),
  replaced_value_cents bigint not null check (replaced_value_cents > 0),
  replaced_quantity bigint check (replaced_quantity > 0),
  primary key (project_id, delivery_id)
);
create index replenishment_by_delivery on replenishment_project_delivery (delivery_id);

-- A decision not to replace (part of) a delivery. When it changes the basis of the delivery's value, the
-- revaluation it made is named here; the valuation itself is an ordinary valuation row.
create table non_replacement_decision (
  id uuid primary key,
  delivery_id uuid not null references delivery (id),
  decided_on date not null,
  reason text not null check (length(reason) between 1 and 4000),
  valuation_id uuid references valuation (id),
  decided_by_name text not null,
  recorded_at timestamptz not null
);
create index non_replacement_by_delivery on non_replacement_decision (delivery_id, decided_on desc);

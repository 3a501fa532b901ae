-- Export control: whether a delivery needs an export licence (a rule, overridable with a reason), its
-- assessments on the eight criteria of Common Position 2008/944/CFSP, the licences issued on a positive
-- assessment, and the decisions that let parliament inspect an assessment. Everything is a history:
-- rows are added, never overwritten.

create table export_requirement (
  id uuid primary key,
  delivery_id uuid not null references delivery (id),
  required boolean not null,
  reason text not null check (length(btrim(reason)) > 0),
  decided_by_id uuid,
  decided_by_name text not null,
  decided_at timestamptz not null
);
create index export_requirement_history on export_requirement (delivery_id, decided_at desc, id desc);

create table export_assessment (
  id uuid primary key,
  delivery_id uuid not null references delivery (id),
  outcome text not null check (outcome in ('positive', 'positiveWithConditions', 'negative')),
  conditions text not null default '',
  expedited boolean not null,
  end_user text not null check (length(btrim(end_user)) > 0),
  end_use_statement text not null check (length(btrim(end_use_statement)) > 0),
  assessed_on date not null,
  assessed_by_id uuid,
  assessed_by_name text not null,
  recorded_at timestamptz not null,
  is_demonstration boolean not null default false,
  constraint conditions_with_outcome check (outcome = 'positiveWithConditions' or conditions = '')
);
create index export_assessment_history on export_assessment (delivery_id, assessed_on desc, recorded_at desc);

-- One finding per criterion, all eight for every assessment (the use case writes them together).
create table export_assessment_criterion (
  assessment_id uuid not null references export_assessment (id),
  criterion smallint not null check (criterion between 1 and 8),
  finding text not null check (finding in ('noObjection', 'riskMitigated', 'objection')),
  reasoning text not null check (length(btrim(reasoning)) > 0),
  primary key (assessment_id, criterion)
);

create table export_inspection_grant (
  id uuid primary key,
  assessment_id uuid not null references export_assessment (id),
  note text not null default '',
  granted_by_id uuid,
  granted_by_name text not null,
  granted_at timestamptz not null
);
create index export_inspection_grant_assessment on export_inspection_grant (assessment_id);

create table export_licence (
  id uuid primary key,
  delivery_id uuid not null references delivery (id),
  assessment_id uuid not null references export_assessment (id),
  number text not null unique,
  issued_on date not null,
  valid_until date not null,
  conditions text not null default '',
  military_list_category text not null check (military_list_category ~ '^ML([1-9]|1[0-9]|2[0-2])$'),
  un_register_category text check (un_register_category in ('I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'salw')),
  -- Null: the licence limits the value, not the number of items.
  quantity_authorised integer check (quantity_authorised > 0),
  value_authorised_cents bigint not null check (value_authorised_cents > 0),
  importing_state text not null check (importing_state ~ '^[A-Z]{2}$'),
  -- Left out of the Arms Trade Treaty report, as its article 13.3 allows.
  withheld_ground text check (withheld_ground in ('commercial', 'nationalSecurity')),
  issued_by_id uuid,
  issued_by_name text not null,
  recorded_at timestamptz not null,
  is_demonstration boolean not null default false,
  constraint licence_validity check (valid_until >= issued_on)
);
create index export_licence_delivery on export_licence (delivery_id, issued_on desc);
create index export_licence_assessment on export_licence (assessment_id);

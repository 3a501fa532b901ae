-- A replenishment project's stage and what it replaces, as a history: a row per state recorded, holding
-- from the day the person gave (as_of), so that a letter's annex shows the state that held at its reference
-- date. replenishment_project and replenishment_project_delivery keep the current state, the latest.
-- What a state replaces is a table beside it, as the current state's is, rather than a json value: each
-- replaced value keeps its check and each delivery its foreign key, and the annex reads them with a join.
create table replenishment_project_state (
  id uuid primary key,
  project_id uuid not null references replenishment_project (id),
  as_of date not null,
  name text not null check (length(name) between 1 and 300),
  stage text not null check (stage in ('identified', 'approved', 'contracted', 'delivered')),
  recorded_at timestamptz not null
);
create index replenishment_project_state_history on replenishment_project_state (project_id, as_of desc, recorded_at desc, id desc);

create table replenishment_project_state_delivery (
  state_id uuid not null references replenishment_project_state (id),
  delivery_id uuid not null references delivery (id),
  replaced_value_cents bigint not null check (replaced_value_cents > 0),
  replaced_quantity bigint check (replaced_quantity > 0),
  primary key (state_id, delivery_id)
);

-- The projects recorded before kept no history: each gets its state as it stands, as of the day (in The
-- Hague) it was created, recorded when it was last changed.
insert into replenishment_project_state (id, project_id, as_of, name, stage, recorded_at)
select gen_random_uuid(), id, (created_at at time zone 'Europe/Amsterdam')::date, name, stage, updated_at from replenishment_project;
insert into replenishment_project_state_delivery (state_id, delivery_id, replaced_value_cents, replaced_quantity)
select s.id, r.delivery_id, r.replaced_value_cents, r.replaced_quantity
from replenishment_project_state s join replenishment_project_delivery r on r.project_id = s.project_id;

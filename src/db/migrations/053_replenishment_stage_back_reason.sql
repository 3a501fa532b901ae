-- Why a replenishment project went back to an earlier stage (a contract dissolved, a delivery rejected):
-- kept with the state that change recorded, since the project's note is one text for the whole project
-- and is overwritten by the next change. Empty for a state that did not go back, as for every state before.
alter table replenishment_project_state add column reason text not null default '' check (length(reason) <= 2000);

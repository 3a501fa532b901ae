-- An override of the licence rule holds from a date (effective_on): the queues, the shipment gate, the arms-transfer
-- reports and a letter's check of its section on export control judge a delivery by the override that held on the
-- date they judge it at, so that an override decided today leaves what was reported of earlier dates as it was.
-- The overrides are a history: a new decision adds a row, and no row is ever changed or removed.
alter table export_requirement add column effective_on date;

-- Until now an override counted for its delivery whenever it was recorded, as a statement of what its goods are,
-- also for a hand-over or delivery before the decision. Each existing override therefore holds from its delivery's
-- earliest date (its pledge, commitment, realisation or delivery), or from the day it was decided where that is
-- earlier: on every date anything of the delivery is judged at, every override recorded so far holds, the latest
-- decided as before, so that no queue, report or letter figure reads otherwise after this migration than before it.
-- The day of the decision alone would have taken each override away from the hand-overs and deliveries before it,
-- and so changed the reports of past years and the checks of past letters that counted it.
update export_requirement requirement
  set effective_on = least((requirement.decided_at at time zone 'Europe/Amsterdam')::date,
    delivery.pledged_at, delivery.committed_at, delivery.realised_at, delivery.delivered_at)
  from delivery where delivery.id = requirement.delivery_id;
alter table export_requirement alter column effective_on set not null;

drop index export_requirement_history;
create index export_requirement_history on export_requirement (delivery_id, effective_on desc, decided_at desc, id desc);

create trigger export_requirement_kept before update or delete on export_requirement for each row execute function keep_history();

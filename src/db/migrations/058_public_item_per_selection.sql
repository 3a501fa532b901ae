-- Deliveries decided public at once are one public item: the quantity their decision states is what they hold
-- together, so the public reads them once, under one public id that each of them carries, with the values the
-- decision made public summed and the latest of their realised dates (src/register/disclosure.ts). A public id
-- is therefore no longer one delivery's.
alter table delivery drop constraint delivery_public_id_key;
create index delivery_public_id on delivery (public_id);

-- The deliveries decided public at once before, each with a public row of its own that repeated the decision's
-- quantity, become one item: of those whose decision in force is that one decision, not removed, presented
-- alike and of one type of support and value basis (what one item can state). The part least visible keeps the
-- item (one waiting for its letter before one visible, else the one visible last), so that nothing of the
-- selection shows before all of it could, and the letter it waits for finds it; the others' rows go. Letters
-- finalised before keep what they listed, as frozen. Each delivery given another public id has an audit event
-- (migration_change, src/db/migration-changes.ts).
create table public_item_058 as
with latest as (
  select distinct on (delivery_id) delivery_id, selection_id
  from disclosure_decision
  order by delivery_id, decided_at desc, id desc
), member as (
  select delivery.id as delivery_id, latest.selection_id, shown.*
  from delivery
  join latest on latest.delivery_id = delivery.id
  join public_delivery shown on shown.public_id = delivery.public_id
  where delivery.disclosure_state = 'public' and delivery.deleted_at is null
), item as (
  select
    array_agg(delivery_id) as delivery_ids,
    array_agg(public_id) as public_ids,
    (array_agg(public_id order by visible_from desc nulls first, public_id))[1] as kept_id,
    case when bool_and(value_cents is not null) then sum(value_cents)::bigint end as value_cents,
    case when bool_and(realised_on is not null) then max(realised_on) end as realised_on
  from member
  group by selection_id, support_type, value_basis, title, detail, category, quantity
  having count(*) > 1
)
select unnest(delivery_ids) as delivery_id, unnest(public_ids) as public_id, kept_id, value_cents, realised_on from item;

update public_delivery set value_cents = item.value_cents, realised_on = item.realised_on
from public_item_058 item
where public_delivery.public_id = item.kept_id and item.public_id = item.kept_id;

insert into migration_change (object_type, object_id, before, after)
select 'delivery', delivery_id::text, jsonb_build_object('publicId', public_id), jsonb_build_object('publicId', kept_id)
from public_item_058 where public_id <> kept_id order by delivery_id;

update delivery set public_id = item.kept_id
from public_item_058 item
where delivery.id = item.delivery_id and item.public_id <> item.kept_id;

delete from public_delivery using public_item_058 item
where public_delivery.public_id = item.public_id and item.public_id <> item.kept_id;

drop table public_item_058;

-- The public deliveries file gives the day each became public, never the day of its decision, and is read in
-- that order: the latest to become visible first (src/db/repositories/public.ts).
drop index public_delivery_in_order;
create index public_delivery_in_order on public_delivery (visible_from desc, title, public_id);

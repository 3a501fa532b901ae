-- Why a public item withholds its value and waits for its deliveries to be decided again is kept when its value
-- is withheld (src/register/disclosure.ts): `deliveryLeft`, a delivery decided public with them left it, or
-- `valueWithdrawn`, the value made public counted a payment or valuation withdrawn since as of the decision's day.
-- The first of the two that withheld the value is its reason; the other, coming later, withholds nothing more.
alter table public_item_left add column reason text not null default 'deliveryLeft'
  check (reason in ('deliveryLeft', 'valueWithdrawn'));

-- The items waiting already. A withdrawal that withheld an item's value named it in its audit event
-- (payment.withdraw or valuation.withdraw, detail.publicValueWithheld: the rule as it judged then, on the money as
-- it stood then), a delivery of the selection decided public last for the item (its put) being the event's object;
-- a delivery left the item by a decision on it after that put, or its removal. Such an event after the put, before
-- any delivery of the put left, withheld the value first: the item waits for `valueWithdrawn`. Every other item
-- waits for `deliveryLeft`: withdrawals withheld no value before those events were written, and an event naming an
-- item a delivery had left already withheld nothing.
update public_item_left queued set reason = 'valueWithdrawn'
from (
  select distinct on (member.public_id) member.public_id, put.selection_id, put.decided_at
  from delivery member
  join disclosure_decision put on put.delivery_id = member.id
  where member.disclosure_state = 'public' and member.deleted_at is null
  order by member.public_id, put.decided_at desc, put.id desc
) put
where put.public_id = queued.public_id
  and exists (
    select
    from disclosure_decision together
    join audit_event withdrawal on withdrawal.object_type = 'delivery' and withdrawal.object_id = together.delivery_id::text
    where together.selection_id = put.selection_id
      and withdrawal.action in ('payment.withdraw', 'valuation.withdraw')
      and withdrawal.canonical::jsonb #>> '{detail,publicValueWithheld}' = queued.public_id::text
      and withdrawal.occurred_at > put.decided_at
      and not exists (
        select
        from disclosure_decision one_of_put
        join delivery leaver on leaver.id = one_of_put.delivery_id
        where one_of_put.selection_id = put.selection_id
          and (leaver.deleted_at > put.decided_at and leaver.deleted_at < withdrawal.occurred_at
            or exists (select from disclosure_decision later
                       where later.delivery_id = leaver.id and later.decided_at > put.decided_at and later.decided_at < withdrawal.occurred_at))));

-- From now on the register names the reason of every item it queues.
alter table public_item_left alter column reason drop default;

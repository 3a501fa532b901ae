-- An item whose decision kept its value back showed no sum, so the rest's sum can tell nothing of a delivery
-- that left it: its deliveries need no new decision (src/register/disclosure.ts). Migration 059 queued such items
-- too; those with a delivery left in them whose decision in force made no value public are taken off the queue
-- (an item's value is the sum of all its deliveries' public values, so it showed none).
delete from public_item_left queued
where exists (
  select
  from delivery member
  join lateral (
    select decision.public_value_cents
    from disclosure_decision decision
    where decision.delivery_id = member.id
    order by decision.decided_at desc, decision.id desc
    limit 1
  ) in_force on true
  where member.public_id = queued.public_id
    and member.disclosure_state = 'public'
    and member.deleted_at is null
    and in_force.public_value_cents is null
);

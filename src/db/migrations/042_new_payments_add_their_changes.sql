-- A new payment changes realised support by its own amount on the day it was paid, when its delivery
-- counts (not removed, not funded by the EPF, not from stock, whose value its valuations give); none of
-- its delivery's other changes moves (a payment is withdrawn later, by a row of its own). A statement of
-- new payments therefore adds their changes, where it recomputed every change of their deliveries
-- (migration 035: for 5,000 payments two thirds of the statement's time). Every other change to money or
-- deliveries still recomputes its deliveries' changes.
create function add_realised_support_of_new_payments() returns trigger language plpgsql as $$
begin
  with added as (
    insert into realised_support_change (delivery_id, support_type, change_date, change_cents)
    select d.id, d.support_type, p.paid_on, p.amount_cents
    from new_rows p
    join delivery d on d.id = p.delivery_id
    where d.deleted_at is null and d.funding_source <> 'epf' and d.support_type <> 'stock'
    returning support_type, change_date, change_cents::numeric
  )
  insert into realised_support_day as day (support_type, change_date, change_cents)
  select support_type, change_date, sum(change_cents) from added
  group by support_type, change_date
  having sum(change_cents) <> 0
  order by support_type, change_date
  on conflict (support_type, change_date) do update set change_cents = day.change_cents + excluded.change_cents;
  return null;
end;
$$;

drop trigger realised_support_of_payment_insert on payment;
create trigger realised_support_of_payment_insert after insert on payment
  referencing new table as new_rows for each statement execute function add_realised_support_of_new_payments();

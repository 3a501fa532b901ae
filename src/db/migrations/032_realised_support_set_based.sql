-- The changes of all the deliveries a statement touched, computed in one set-based query (joins and
-- window functions partitioned by delivery) instead of one call of a per-delivery function, with a
-- subquery per day, for each of them: writing 40,000 payments in one statement spent more time
-- refreshing the changes than writing the payments.
--
-- The same changes as realised_support_change_of (migration 025), which this replaces: stock counts, at
-- each day, the latest valuation effective on or before it that was not withdrawn on or before it; the
-- changes are the steps of that value, on the days a valuation starts to count or is withdrawn. A payment
-- adds its amount on the day it was paid and takes it away again on the day it was withdrawn.
create function realised_support_changes_of(changed uuid[])
returns table (delivery_id uuid, support_type text, change_date date, change_cents bigint)
language sql stable as $$
  with counted_delivery as (
    select d.id, d.support_type, d.realised_at
    from delivery d
    where d.id = any(changed) and d.deleted_at is null and d.funding_source <> 'epf'
  ),
  stock_valuation as (
    select v.delivery_id, d.realised_at, v.id, v.effective_date, v.recorded_at, v.amount_cents, w.withdrawn_on
    from counted_delivery d
    join valuation v on v.delivery_id = d.id
    left join valuation_withdrawal w on w.valuation_id = v.id
    where d.support_type = 'stock' and d.realised_at is not null
  ),
  stock_day as (
    select distinct v.delivery_id, greatest(v.realised_at, day.on_day) as on_day
    from stock_valuation v
    cross join lateral (values (v.effective_date), (v.withdrawn_on)) day (on_day)
    where day.on_day is not null
  ),
  -- Per delivery and day the valuation that counts then, or none (0).
  stock_value as (
    select distinct on (s.delivery_id, s.on_day) s.delivery_id, s.on_day, coalesce(v.amount_cents, 0) as amount_cents
    from stock_day s
    left join stock_valuation v
      on v.delivery_id = s.delivery_id and v.effective_date <= s.on_day and (v.withdrawn_on is null or v.withdrawn_on > s.on_day)
    order by s.delivery_id, s.on_day, v.effective_date desc, v.recorded_at desc, v.id desc
  ),
  stock_change as (
    select delivery_id, on_day,
      amount_cents - coalesce(lag(amount_cents) over (partition by delivery_id order by on_day), 0) as change_cents
    from stock_value
  )
  select s.delivery_id, 'stock', s.on_day, s.change_cents
  from stock_change s
  where s.change_cents <> 0
  union all
  select d.id, d.support_type, p.paid_on, p.amount_cents
  from counted_delivery d
  join payment p on p.delivery_id = d.id
  where d.support_type <> 'stock'
  union all
  select d.id, d.support_type, w.withdrawn_on, -p.amount_cents
  from counted_delivery d
  join payment p on p.delivery_id = d.id
  join payment_withdrawal w on w.payment_id = p.id
  where d.support_type <> 'stock'
$$;

-- As in migration 014, with the changes from the query above. Replaces the changes of the given
-- deliveries by what their money now makes them, and moves each day's total by the difference: one
-- statement, so that a day whose total does not change is not touched (not even locked), and the days
-- are updated in one order, so that two writers never wait on each other in a circle. A restatement (a
-- valuation effective before a later one) moves exactly the days between.
create or replace function refresh_realised_support_changes(changed uuid[]) returns void language sql as $$
  with removed as (
    delete from realised_support_change r where r.delivery_id = any(changed)
    returning r.support_type, r.change_date, -r.change_cents::numeric as change_cents
  ),
  added as (
    insert into realised_support_change (delivery_id, support_type, change_date, change_cents)
    select * from realised_support_changes_of(changed)
    returning support_type, change_date, change_cents::numeric
  ),
  moved as (
    select support_type, change_date, sum(change_cents) as change_cents
    from (select * from removed union all select * from added) change
    group by support_type, change_date
    having sum(change_cents) <> 0
  )
  insert into realised_support_day as day (support_type, change_date, change_cents)
  select support_type, change_date, change_cents from moved order by support_type, change_date
  on conflict (support_type, change_date) do update set change_cents = day.change_cents + excluded.change_cents;
$$;

drop function realised_support_change_of(uuid);

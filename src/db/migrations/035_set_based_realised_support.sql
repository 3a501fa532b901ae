-- The changes of a statement's deliveries to realised support, computed for all of them at once. Before,
-- the refresh ran the function of one delivery for each of them (a lateral call per delivery, its
-- statements run once per delivery); a statement of 5,000 payments spent two thirds of its time there.
-- The rules are those of migration 025: stock counts, at each day, the latest valuation effective on or
-- before it that was not withdrawn on or before it, and changes on the days that value steps; a payment
-- adds its amount on the day it was paid and takes it away on the day it was withdrawn.
create function realised_support_changes_of(changed uuid[])
returns table (delivery_id uuid, support_type text, change_date date, change_cents bigint)
language sql stable as $$
  with counted_delivery as (
    select d.id, d.support_type, d.realised_at
    from delivery d
    where d.id = any(changed) and d.deleted_at is null and d.funding_source <> 'epf'
  ),
  stock_day as (
    select distinct d.id as delivery_id, greatest(d.realised_at, day.on_day) as on_day
    from counted_delivery d
    join valuation v on v.delivery_id = d.id
    left join valuation_withdrawal w on w.valuation_id = v.id
    cross join lateral (values (v.effective_date), (w.withdrawn_on)) day (on_day)
    where d.support_type = 'stock' and d.realised_at is not null and day.on_day is not null
  ),
  stock_value as (
    select s.delivery_id, s.on_day, coalesce((
      select v.amount_cents from valuation v
      left join valuation_withdrawal w on w.valuation_id = v.id
      where v.delivery_id = s.delivery_id and v.effective_date <= s.on_day and (w.withdrawn_on is null or w.withdrawn_on > s.on_day)
      order by v.effective_date desc, v.recorded_at desc, v.id desc
      limit 1
    ), 0) as amount_cents
    from stock_day s
  ),
  stock_change as (
    select delivery_id, on_day, amount_cents - coalesce(lag(amount_cents) over (partition by delivery_id order by on_day), 0) as change_cents
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

-- The refresh of migration 014, now from the set-based changes.
create or replace function refresh_realised_support_changes(changed uuid[])
returns void language sql as $$
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

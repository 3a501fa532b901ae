-- The work the Netherlands does for the EU as implementing actor (deliveries funded by the EPF), as the
-- letter counts it at a date: each such delivery realised by then (from stock, or bought with a payment made
-- and not withdrawn by then) at its value then (its latest valuation effective on or before the date and not
-- withdrawn by then). It was added up from every such delivery at each reading; it is now kept, like realised
-- support (migration 014), as dated changes per delivery and their sum per day, by the same per-statement
-- refresh, so that the figure at a date adds up at most one row per day.
create table implementing_actor_change (
  delivery_id uuid not null references delivery (id) on delete cascade,
  change_date date not null,
  change_cents bigint not null
);
create index implementing_actor_change_of_delivery on implementing_actor_change (delivery_id);

create table implementing_actor_day (
  change_date date primary key,
  -- numeric, as realised_support_day: a day's changes may add up beyond bigint.
  change_cents numeric not null
);

-- The changes of the given deliveries: the delivery's worth is computed on every day on which its
-- realisation or its value can step, and each step is a change.
create function implementing_actor_changes_of(changed uuid[])
returns table (delivery_id uuid, change_date date, change_cents bigint)
language sql stable as $$
  with epf_delivery as (
    select d.id, d.support_type, d.realised_at
    from delivery d
    where d.id = any(changed) and d.deleted_at is null and d.funding_source = 'epf' and d.realised_at is not null
  ),
  step_day as (
    select distinct d.id as delivery_id, greatest(d.realised_at, step.on_day) as on_day
    from epf_delivery d
    cross join lateral (
      select d.realised_at
      union all select v.effective_date from valuation v where v.delivery_id = d.id
      union all select w.withdrawn_on from valuation v join valuation_withdrawal w on w.valuation_id = v.id where v.delivery_id = d.id
      union all select p.paid_on from payment p where p.delivery_id = d.id
      union all select w.withdrawn_on from payment p join payment_withdrawal w on w.payment_id = p.id where p.delivery_id = d.id
    ) step (on_day)
  ),
  worth as (
    select s.delivery_id, s.on_day,
      case when d.support_type = 'stock' or exists (
        select from payment p left join payment_withdrawal w on w.payment_id = p.id
        where p.delivery_id = s.delivery_id and p.paid_on <= s.on_day and (w.withdrawn_on is null or w.withdrawn_on > s.on_day))
      then coalesce((
        select v.amount_cents from valuation v
        left join valuation_withdrawal w on w.valuation_id = v.id
        where v.delivery_id = s.delivery_id and v.effective_date <= s.on_day and (w.withdrawn_on is null or w.withdrawn_on > s.on_day)
        order by v.effective_date desc, v.recorded_at desc, v.id desc
        limit 1), 0)
      else 0 end as amount_cents
    from step_day s join epf_delivery d on d.id = s.delivery_id
  ),
  step as (
    select delivery_id, on_day, amount_cents - coalesce(lag(amount_cents) over (partition by delivery_id order by on_day), 0) as change_cents
    from worth
  )
  select delivery_id, on_day, change_cents from step where change_cents <> 0
$$;

-- As refresh_realised_support_changes does for realised support: one statement, each day moved by the difference.
create function refresh_implementing_actor_changes(changed uuid[]) returns void language sql as $$
  with removed as (
    delete from implementing_actor_change c where c.delivery_id = any(changed)
    returning c.change_date, -c.change_cents::numeric as change_cents
  ),
  added as (
    insert into implementing_actor_change (delivery_id, change_date, change_cents)
    select * from implementing_actor_changes_of(changed)
    returning change_date, change_cents::numeric
  ),
  moved as (
    select change_date, sum(change_cents) as change_cents
    from (select * from removed union all select * from added) change
    group by change_date
    having sum(change_cents) <> 0
  )
  insert into implementing_actor_day as day (change_date, change_cents)
  select change_date, change_cents from moved order by change_date
  on conflict (change_date) do update set change_cents = day.change_cents + excluded.change_cents;
$$;

-- Every trigger that refreshes realised support (of money, withdrawals and deliveries) refreshes this too.
alter function refresh_realised_support_changes(uuid[]) rename to refresh_dutch_support_changes;
create function refresh_realised_support_changes(changed uuid[]) returns void language sql as $$
  select refresh_dutch_support_changes(changed);
  select refresh_implementing_actor_changes(changed);
$$;

select refresh_implementing_actor_changes(array(select id from delivery where funding_source = 'epf'));

-- A payment or valuation entered in error is withdrawn, never deleted or changed: a withdrawal is a new,
-- dated entry with its reason, and the original stays in the history beside it. From the withdrawal's
-- date on the entry no longer counts; figures at an earlier date still count it, as they were known
-- then. To take an entry out of every figure, it is withdrawn on its own date (payment or effective date).
create table payment_withdrawal (
  payment_id uuid primary key references payment (id),
  withdrawn_on date not null,
  reason text not null check (length(reason) > 0),
  recorded_at timestamptz not null default now()
);

create table valuation_withdrawal (
  valuation_id uuid primary key references valuation (id),
  withdrawn_on date not null,
  reason text not null check (length(reason) > 0),
  recorded_at timestamptz not null default now()
);

-- The changes a delivery makes to realised support, now with withdrawals. Stock counts, at each day, the
-- latest valuation effective on or before it that was not withdrawn on or before it; the changes are the
-- steps of that value, on the days a valuation starts to count or is withdrawn. A payment adds its amount
-- on the day it was paid and takes it away again on the day it was withdrawn.
create or replace function realised_support_change_of(changed uuid)
returns table (delivery_id uuid, support_type text, change_date date, change_cents bigint)
language sql stable as $$
  with counted_delivery as (
    select d.id, d.support_type, d.realised_at
    from delivery d
    where d.id = changed and d.deleted_at is null and d.funding_source <> 'epf'
  ),
  stock_valuation as (
    select v.id, v.effective_date, v.recorded_at, v.amount_cents, w.withdrawn_on
    from counted_delivery d
    join valuation v on v.delivery_id = d.id
    left join valuation_withdrawal w on w.valuation_id = v.id
    where d.support_type = 'stock' and d.realised_at is not null
  ),
  stock_day as (
    select distinct greatest(d.realised_at, day.on_day) as on_day
    from counted_delivery d
    cross join (
      select effective_date as on_day from stock_valuation
      union select withdrawn_on from stock_valuation where withdrawn_on is not null
    ) day
  ),
  stock_value as (
    select s.on_day, coalesce((
      select v.amount_cents from stock_valuation v
      where v.effective_date <= s.on_day and (v.withdrawn_on is null or v.withdrawn_on > s.on_day)
      order by v.effective_date desc, v.recorded_at desc, v.id desc
      limit 1
    ), 0) as amount_cents
    from stock_day s
  ),
  stock_change as (
    select on_day, amount_cents - coalesce(lag(amount_cents) over (order by on_day), 0) as change_cents
    from stock_value
  )
  select d.id, d.support_type, s.on_day, s.change_cents
  from counted_delivery d cross join stock_change s
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

-- A withdrawal moves the figures of its entry's delivery through the same per-statement refresh as money.
create function refresh_realised_support_of_withdrawal() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'payment_withdrawal' then
    perform refresh_realised_support_changes(array(select p.delivery_id from new_rows w join payment p on p.id = w.payment_id));
  else
    perform refresh_realised_support_changes(array(select v.delivery_id from new_rows w join valuation v on v.id = w.valuation_id));
  end if;
  return null;
end;
$$;

create trigger realised_support_of_payment_withdrawal after insert on payment_withdrawal
  referencing new table as new_rows for each statement execute function refresh_realised_support_of_withdrawal();
create trigger realised_support_of_valuation_withdrawal after insert on valuation_withdrawal
  referencing new table as new_rows for each statement execute function refresh_realised_support_of_withdrawal();

-- Withdrawals are history: once recorded they are not changed (nor withdrawn: one per entry, its key).
create function refuse_withdrawal_change() returns trigger language plpgsql as $$
begin
  raise exception 'a withdrawal is never changed';
end;
$$;

create trigger payment_withdrawal_kept before update on payment_withdrawal
  for each row execute function refuse_withdrawal_change();
create trigger valuation_withdrawal_kept before update on valuation_withdrawal
  for each row execute function refuse_withdrawal_change();

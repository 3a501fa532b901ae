-- Figures at any date in constant time. Realised support at a date was the sum of every change dated on
-- or before it: at a million deliveries, a scan of some 900,000 rows per date. The changes are now also
-- kept added up per support type and day, by the same statements that change them, so that the figures
-- at a date add up at most one row per type and day (a few thousand), however many deliveries there are.
--
-- And the triggers that keep the changes work per statement on the set of deliveries it touched, in one
-- set-based statement, instead of running a multi-statement function per row.

create table realised_support_day (
  support_type text not null,
  change_date date not null,
  -- numeric: a day's changes may add up beyond bigint (a million entries at the ceiling of 10^13 cents).
  change_cents numeric not null,
  primary key (support_type, change_date)
);

create index realised_support_day_by_date on realised_support_day (change_date) include (support_type, change_cents);

insert into realised_support_day (support_type, change_date, change_cents)
select support_type, change_date, sum(change_cents) from realised_support_change group by support_type, change_date;

drop trigger realised_support_change_of_delivery on delivery;
drop trigger realised_support_change_of_valuation on valuation;
drop trigger realised_support_change_of_payment on payment;
drop function refresh_realised_support_change_of_row();
drop function refresh_realised_support_change(uuid);

-- Replaces the changes of the given deliveries by what their money now makes them, and moves each day's
-- total by the difference: one statement, so that a day whose total does not change is not touched (not
-- even locked), and the days are updated in one order, so that two writers never wait on each other in a
-- circle. A restatement (a valuation effective before a later one) moves exactly the days between.
create function refresh_realised_support_changes(changed uuid[]) returns void language sql as $$
  with removed as (
    delete from realised_support_change r where r.delivery_id = any(changed)
    returning r.support_type, r.change_date, -r.change_cents::numeric as change_cents
  ),
  added as (
    insert into realised_support_change (delivery_id, support_type, change_date, change_cents)
    select change.* from (select distinct unnest(changed) as id) d cross join lateral realised_support_change_of(d.id) change
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

-- Valuations and payments: every delivery whose money a statement inserted, changed or deleted. (A
-- delivery's changes come only from its money, which must be deleted before the delivery can be.)
create function refresh_realised_support_of_money() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform refresh_realised_support_changes(array(select delivery_id from new_rows));
  elsif tg_op = 'DELETE' then
    perform refresh_realised_support_changes(array(select delivery_id from old_rows));
  else
    perform refresh_realised_support_changes(array(select delivery_id from new_rows union select delivery_id from old_rows));
  end if;
  return null;
end;
$$;

-- Deliveries: those whose type, funding, realisation or removal a statement changed.
create function refresh_realised_support_of_delivery() returns trigger language plpgsql as $$
begin
  perform refresh_realised_support_changes(array(
    select new_row.id
    from new_rows new_row join old_rows old_row on old_row.id = new_row.id
    where (new_row.support_type, new_row.funding_source, new_row.realised_at, new_row.deleted_at)
      is distinct from (old_row.support_type, old_row.funding_source, old_row.realised_at, old_row.deleted_at)
  ));
  return null;
end;
$$;

-- Transition tables allow one event per trigger.
create trigger realised_support_of_valuation_insert after insert on valuation
  referencing new table as new_rows for each statement execute function refresh_realised_support_of_money();
create trigger realised_support_of_valuation_update after update on valuation
  referencing old table as old_rows new table as new_rows for each statement execute function refresh_realised_support_of_money();
create trigger realised_support_of_valuation_delete after delete on valuation
  referencing old table as old_rows for each statement execute function refresh_realised_support_of_money();
create trigger realised_support_of_payment_insert after insert on payment
  referencing new table as new_rows for each statement execute function refresh_realised_support_of_money();
create trigger realised_support_of_payment_update after update on payment
  referencing old table as old_rows new table as new_rows for each statement execute function refresh_realised_support_of_money();
create trigger realised_support_of_payment_delete after delete on payment
  referencing old table as old_rows for each statement execute function refresh_realised_support_of_money();
create trigger realised_support_of_delivery_update after update on delivery
  referencing old table as old_rows new table as new_rows for each statement execute function refresh_realised_support_of_delivery();

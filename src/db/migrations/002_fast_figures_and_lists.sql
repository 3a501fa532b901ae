-- Realised support at a date is read often (every letter, dashboard and chart) and changes only when a
-- delivery or its money changes. One function holds the rule for one delivery; a table keeps its result
-- for every delivery, replaced by triggers whenever a delivery, valuation or payment changes, so that no
-- way of writing can bypass it.

drop view realised_support_change;

-- Every change one delivery makes to realised support, as a dated amount: a payment adds its amount on
-- the day it is paid; a stock valuation counts from the later of hand-over and its effective date until a
-- later valuation supersedes it. Realised support at date D per type is the sum of the changes dated on
-- or before D. Work done for the EU (funding source 'epf') and deleted deliveries never count.
create function realised_support_change_of(changed uuid)
returns table (delivery_id uuid, support_type text, change_date date, change_cents bigint)
language sql stable as $$
  with counted_delivery as (
    select d.id, d.support_type, d.realised_at
    from delivery d
    where d.id = changed and d.deleted_at is null and d.funding_source <> 'epf'
  ),
  stock_valuation as (
    select d.id,
           d.support_type,
           greatest(d.realised_at, v.effective_date) as counts_from,
           lead(v.effective_date) over (order by v.effective_date, v.recorded_at, v.id) as superseded_on,
           v.amount_cents
    from counted_delivery d
    join valuation v on v.delivery_id = d.id
    where d.support_type = 'stock' and d.realised_at is not null
  )
  select s.id, s.support_type, s.counts_from, s.amount_cents
  from stock_valuation s
  where s.superseded_on is null or s.superseded_on > s.counts_from
  union all
  select s.id, s.support_type, s.superseded_on, -s.amount_cents
  from stock_valuation s
  where s.superseded_on > s.counts_from
  union all
  select d.id, d.support_type, p.paid_on, p.amount_cents
  from counted_delivery d
  join payment p on p.delivery_id = d.id
  where d.support_type <> 'stock'
$$;

create table realised_support_change (
  delivery_id uuid not null references delivery (id) on delete cascade,
  support_type text not null,
  change_date date not null,
  change_cents bigint not null
);

create index realised_support_change_by_date on realised_support_change (change_date) include (support_type, change_cents);
create index realised_support_change_by_delivery on realised_support_change (delivery_id);

create function refresh_realised_support_change(changed uuid) returns void language sql as $$
  delete from realised_support_change r where r.delivery_id = changed;
  insert into realised_support_change (delivery_id, support_type, change_date, change_cents)
  select * from realised_support_change_of(changed);
$$;

create function refresh_realised_support_change_of_row() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'delivery' then
    perform refresh_realised_support_change(coalesce(new.id, old.id));
  else
    perform refresh_realised_support_change(coalesce(new.delivery_id, old.delivery_id));
    if tg_op = 'UPDATE' and new.delivery_id <> old.delivery_id then
      perform refresh_realised_support_change(old.delivery_id);
    end if;
  end if;
  return null;
end;
$$;

create trigger realised_support_change_of_delivery
  after insert or update of support_type, funding_source, realised_at, deleted_at or delete on delivery
  for each row execute function refresh_realised_support_change_of_row();
create trigger realised_support_change_of_valuation
  after insert or update or delete on valuation
  for each row execute function refresh_realised_support_change_of_row();
create trigger realised_support_change_of_payment
  after insert or update or delete on payment
  for each row execute function refresh_realised_support_change_of_row();

insert into realised_support_change (delivery_id, support_type, change_date, change_cents)
select change.* from delivery d cross join lateral realised_support_change_of(d.id) change;

-- The list's default order (latest realised first) and its reverse, read straight from an index.
create index delivery_realised_desc on delivery (realised_at desc nulls last, id desc) where deleted_at is null;
create index delivery_realised_asc on delivery (realised_at asc nulls last, id asc) where deleted_at is null;

-- Whether the register holds demonstration data, without reading the register.
create index delivery_demonstration on delivery (id) where is_demonstration and deleted_at is null;

-- Free-text search in the list looks for a fragment anywhere in these texts; trigram indexes find it
-- without reading every delivery.
create extension if not exists pg_trgm;
create index delivery_title_text on delivery using gin (title gin_trgm_ops) where deleted_at is null;
create index delivery_description_text on delivery using gin (description gin_trgm_ops) where deleted_at is null;
create index delivery_public_title_text on delivery using gin (public_title gin_trgm_ops) where deleted_at is null;
create index delivery_company_text on delivery using gin (company gin_trgm_ops) where deleted_at is null;
create index delivery_contract_reference_text on delivery using gin (contract_reference gin_trgm_ops) where deleted_at is null;

-- The register: deliveries and the history of their money.

create table delivery (
  id uuid primary key,
  title text not null check (length(title) between 1 and 300),
  description text not null default '',
  public_title text,
  category text not null check (category in ('battleTanks', 'armouredCombatVehicles', 'largeCalibreArtillery',
    'combatAircraft', 'attackHelicopters', 'warships', 'missilesAndLaunchers', 'smallArms', 'ammunition',
    'drones', 'airDefence', 'vehicles', 'nonLethal', 'other')),
  quantity bigint check (quantity > 0),
  unit text,
  support_type text not null check (support_type in ('stock', 'procurement', 'natoFund')),
  funding_source text not null check (funding_source in ('defenceBudget', 'ukraineSupportBudget',
    'internationalSecurityBudget', 'epf')),
  pledged_at date,
  committed_at date,
  realised_at date,
  delivered_at date,
  company text,
  contract_reference text,
  sources jsonb not null default '[]',
  is_demonstration boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  constraint lifecycle_in_order check (
    (committed_at is null or pledged_at is null or committed_at >= pledged_at)
    and (realised_at is null or committed_at is null or realised_at >= committed_at)
    and (realised_at is null or pledged_at is null or realised_at >= pledged_at)
    and (delivered_at is null or realised_at is null or delivered_at >= realised_at)
    and (delivered_at is null or committed_at is null or delivered_at >= committed_at)
    and (delivered_at is null or pledged_at is null or delivered_at >= pledged_at)
  )
);

create index delivery_listing on delivery (support_type, realised_at) where deleted_at is null;
create index delivery_created on delivery (created_at, id) where deleted_at is null;
create index delivery_title on delivery (title, id) where deleted_at is null;

-- Valuations are never updated: a revaluation is a new row with a later effective date.
create table valuation (
  id uuid primary key,
  delivery_id uuid not null references delivery (id),
  amount_cents bigint not null check (amount_cents >= 0),
  currency char(3) not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  original_amount_minor bigint,
  exchange_rate numeric(18, 8),
  basis text not null check (basis in ('replacementValue', 'bookValue', 'contractPrice', 'contribution')),
  effective_date date not null,
  recorded_at timestamptz not null default now(),
  note text not null default '',
  constraint foreign_currency_complete check (
    (currency = 'EUR' and original_amount_minor is null and exchange_rate is null)
    or (currency <> 'EUR' and original_amount_minor is not null and exchange_rate > 0)
  )
);

create index valuation_by_delivery on valuation (delivery_id, effective_date desc, recorded_at desc);

-- Payments realise procurement and fund contributions, possibly in instalments.
create table payment (
  id uuid primary key,
  delivery_id uuid not null references delivery (id),
  amount_cents bigint not null check (amount_cents > 0),
  paid_on date not null,
  reference text,
  recorded_at timestamptz not null default now(),
  note text not null default ''
);

create index payment_by_delivery on payment (delivery_id, paid_on);
create index payment_by_date on payment (paid_on);

-- What a delivery counts for in realised support today: for stock its latest valuation, for procurement
-- and fund contributions the sum of its payments. Kept by the same transaction that adds the money, so
-- that lists of many thousands of deliveries can sort and show it without recomputing.
alter table delivery add column current_value_cents bigint not null default 0;
create index delivery_value on delivery (current_value_cents, id) where deleted_at is null;

-- Every change to realised support as a dated amount: a payment adds its amount on the day it is paid;
-- a stock valuation counts from the later of hand-over and its effective date until a later valuation
-- supersedes it. Realised support at date D per type is the sum of the changes dated on or before D.
-- Work done for the EU (funding source 'epf') and deleted deliveries never count.
create view realised_support_change as
with counted_delivery as (
  select id, support_type, realised_at
  from delivery
  where deleted_at is null and funding_source <> 'epf'
),
stock_valuation as (
  select d.support_type,
         greatest(d.realised_at, v.effective_date) as counts_from,
         lead(v.effective_date) over (
           partition by v.delivery_id order by v.effective_date, v.recorded_at, v.id
         ) as superseded_on,
         v.amount_cents
  from counted_delivery d
  join valuation v on v.delivery_id = d.id
  where d.support_type = 'stock' and d.realised_at is not null
)
select support_type, counts_from as change_date, amount_cents as change_cents
from stock_valuation
where superseded_on is null or superseded_on > counts_from
union all
select support_type, superseded_on, -amount_cents
from stock_valuation
where superseded_on > counts_from
union all
select d.support_type, p.paid_on, p.amount_cents
from payment p
join counted_delivery d on d.id = p.delivery_id
where d.support_type <> 'stock';

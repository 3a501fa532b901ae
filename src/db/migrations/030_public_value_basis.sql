-- A value made public carries the basis of the money behind it: the decision records it and the public
-- projection shows it beside the value. For stock it is the basis of the valuation that gives the value
-- (a delivery that will not be replaced may count at book value), for procurement the contract price
-- paid, for a fund the contribution paid. Neither has a basis where no value is public.
alter table disclosure_decision add column public_value_basis text
  check (public_value_basis in ('replacementValue', 'bookValue', 'contractPrice', 'contribution'));
alter table public_delivery add column value_basis text
  check (value_basis in ('replacementValue', 'bookValue', 'contractPrice', 'contribution'));

-- Existing decisions: for stock the valuation that counted last when the decision was taken (recorded by
-- then and not withdrawn by then), of the amount the decision made public; failing that, the latest
-- valuation of that amount; failing that (a value made public before a value needed money behind it),
-- replacement value, as the file said of every delivery from stock until now.
update disclosure_decision dd set public_value_basis = case d.support_type
    when 'procurement' then 'contractPrice'
    when 'natoFund' then 'contribution'
    else coalesce((
      select v.basis from valuation v
      where v.delivery_id = d.id and v.amount_cents = dd.public_value_cents
      order by (v.recorded_at <= dd.decided_at and not exists (
                 select 1 from valuation_withdrawal w where w.valuation_id = v.id and w.recorded_at <= dd.decided_at)) desc,
               v.effective_date desc, v.recorded_at desc, v.id desc
      limit 1), 'replacementValue')
  end
from delivery d
where d.id = dd.delivery_id and dd.public_value_cents is not null;

-- The projection holds the value of the delivery's latest decision "public": its basis is that decision's
-- (failing a decision of that value, the basis the file gave by the type of support until now).
update public_delivery p set value_basis = coalesce((
  select dd.public_value_basis from delivery d
  join disclosure_decision dd on dd.delivery_id = d.id
  where d.public_id = p.public_id and dd.state = 'public' and dd.public_value_cents = p.value_cents
  order by dd.decided_at desc, dd.id desc
  limit 1), (
  select case d.support_type when 'procurement' then 'contractPrice' when 'natoFund' then 'contribution' else 'replacementValue' end
  from delivery d where d.public_id = p.public_id), 'replacementValue')
where p.value_cents is not null;

alter table disclosure_decision add constraint public_value_has_basis check ((public_value_cents is null) = (public_value_basis is null));
alter table public_delivery add constraint value_has_basis check ((value_cents is null) = (value_basis is null));

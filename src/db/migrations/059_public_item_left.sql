-- A public item a delivery left (decided confidential, decided public apart, or removed) while others stay in it
-- gives no value and keeps the date it showed until those are decided again: the sum of the rest, beside the sum
-- the public read before, would tell the leaver's value, and the rest's date when it was realised
-- (src/register/disclosure.ts). The register keeps which items wait for that decision; the public projection
-- only shows the item without its value.
create table public_item_left (
  public_id uuid primary key
);

-- Items a delivery left before: one that still carries the item's id, decided confidential or removed, while
-- another is public in it. (One decided public apart since carries another id; its item cannot be told now.)
insert into public_item_left (public_id)
select distinct item.public_id
from public_delivery item
where exists (select from delivery member where member.public_id = item.public_id and member.disclosure_state = 'public' and member.deleted_at is null)
  and exists (select from delivery leaver where leaver.public_id = item.public_id and (leaver.disclosure_state <> 'public' or leaver.deleted_at is not null));

update public_delivery set value_cents = null, value_basis = null
where value_cents is not null and public_id in (select public_id from public_item_left);

-- The moment a decision makes a delivery public from (midnight in The Hague of its public_from date), kept
-- beside visible_from. While a final letter not yet published is the first to list the delivery, visible_from
-- stays null, so that the decided date alone does not show it before that letter; the publication makes it
-- visible at the later of the publication and this moment, and holds the letter back until this moment.
alter table public_delivery add column public_from timestamptz;

update public_delivery set public_from = (latest.public_from::timestamp at time zone 'Europe/Amsterdam')
from (
  select distinct on (delivery_id) delivery_id, public_from from disclosure_decision order by delivery_id, decided_at desc, id desc
) latest
join delivery on delivery.id = latest.delivery_id
where delivery.public_id = public_delivery.public_id and latest.public_from is not null;

-- A delivery that a final letter not yet published is the first to list, shown (or to be shown) by its date
-- alone after that letter became final, waits for that letter again. One public before that letter stays so.
update public_delivery set visible_from = null
where first_letter_id is null and public_from is not null and exists (
  select from letter_overview_item listed join letter on letter.id = listed.letter_id
  where listed.public_id = public_delivery.public_id and letter.status = 'final' and letter.published_at is null
    and letter.finalised_at < public_delivery.visible_from);

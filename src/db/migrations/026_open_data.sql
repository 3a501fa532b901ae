-- Open data: a decision "public" may also make the delivery's realised date public (to the day, or only
-- its month) and its value (the value the delivery had when decided, in cents). The public projection
-- carries them, and the letter that first listed the delivery.
alter table disclosure_decision add column realised_date_precision text check (realised_date_precision in ('day', 'month'));
alter table disclosure_decision add column public_value_cents bigint check (public_value_cents >= 0);
alter table disclosure_decision add constraint open_data_only_when_public
  check (state = 'public' or (realised_date_precision is null and public_value_cents is null));

-- realised_on: YYYY-MM-DD, or YYYY-MM where the decision coarsens it to the month; null: not made public.
alter table public_delivery add column realised_on text check (realised_on ~ '^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$');
alter table public_delivery add column value_cents bigint check (value_cents >= 0);
-- The first published letter whose public overview lists the delivery; null until one is published.
alter table public_delivery add column first_letter_id uuid;
update public_delivery set first_letter_id = (
  select public_letter.id from public_letter where position(public_delivery.public_id::text in public_letter.snapshot) > 0
  order by public_letter.reference_date limit 1);

-- The open data names each delivery's letter by its paper number: a publication or a correction of it
-- changes the file, so its version changes too.
create trigger public_letter_version_bump
  after insert or update or delete on public_letter
  for each statement execute function bump_public_delivery_version();

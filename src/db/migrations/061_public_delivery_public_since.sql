-- The day each public delivery became public (publicSince) is kept beside it, so that the public deliveries file
-- is read in the order it documents, the latest to become public first, by an index: the day the publication of
-- the first letter that lists it is recorded for (a letter may have been published before the register showed
-- it), or the moment its decision made it public from where that showed it earlier or held it back until later;
-- null while it is not shown. It depends on its own row and on its first letter's publication date, so a trigger
-- keeps it whatever writes either.
alter table public_delivery add column public_since date;

create function public_since_of(visible_from timestamptz, public_from timestamptz, first_letter_id uuid) returns date
language sql stable as $$
  select case when visible_from is not null then greatest(
    least((visible_from at time zone 'Europe/Amsterdam')::date, (select published_on from public_letter where id = first_letter_id)),
    (public_from at time zone 'Europe/Amsterdam')::date) end
$$;

create function keep_public_since() returns trigger language plpgsql as $$
begin
  new.public_since := public_since_of(new.visible_from, new.public_from, new.first_letter_id);
  return new;
end;
$$;

create trigger public_delivery_public_since before insert or update on public_delivery
  for each row execute function keep_public_since();

-- A correction of a letter's publication date dates the deliveries it listed first again.
create function keep_public_since_of_letter() returns trigger language plpgsql as $$
begin
  update public_delivery set public_since = public_since_of(visible_from, public_from, first_letter_id) where first_letter_id = new.id;
  return null;
end;
$$;

create trigger public_letter_public_since after update of published_on on public_letter
  for each row when (old.published_on is distinct from new.published_on) execute function keep_public_since_of_letter();

update public_delivery set public_since = public_since_of(visible_from, public_from, first_letter_id);

drop index public_delivery_in_order;
create index public_delivery_in_order on public_delivery (public_since desc, title, public_id);

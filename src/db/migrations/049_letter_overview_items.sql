-- What each final letter's public overview listed, by the id the public knows each delivery by: what a new
-- letter lists for the first time, and the letter that first listed a delivery, are found on this table's
-- index where every earlier letter's text was read.
create table letter_overview_item (
  letter_id uuid not null references letter (id),
  public_id uuid not null,
  primary key (public_id, letter_id)
);
insert into letter_overview_item (letter_id, public_id)
  select distinct letter.id, (item ->> 'publicId')::uuid
  from letter
  cross join jsonb_array_elements(letter.public_snapshot::jsonb -> 'overview') as grouped
  cross join jsonb_array_elements(grouped -> 'items') as item
  where letter.status = 'final' and letter.public_snapshot is not null;

-- Written when the letter becomes final, like its text, and never changed after.
create function keep_letter_overview_items() returns trigger language plpgsql as $$
begin
  raise exception 'what a final letter listed cannot be changed' using errcode = 'insufficient_privilege';
end
$$;
create trigger letter_overview_item_frozen before update or delete on letter_overview_item
  for each row execute function keep_letter_overview_items();

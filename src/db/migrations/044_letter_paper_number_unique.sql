-- Parliament gives each letter a paper number of its own. The register refuses a number another letter
-- carries (paperNumberTaken, src/register/letter-publication.ts), comparing the number as recorded, exactly
-- (a number recorded now has one form: "Kamerstuk 22 054, nr. 453"); this index keeps that rule also for
-- two letters given the same number at the same moment, which both pass that check.
--
-- A register that already holds letters under one number keeps them all, as migration 043 did: the first
-- letter to carry it (by its publication records) keeps it, each later one gets " (2)", " (3)", ... added,
-- skipping a number another letter has; on its public copy too, and with a correction in its publication
-- history that says why, so that its author records the right number as any correction; and an audit
-- event (migration_change, src/db/migration-changes.ts) with the number before and after, as a correction has.
do $$
declare
  duplicate record;
  n integer;
  candidate text;
  reason constant text := 'Een andere brief had hetzelfde Kamerstuknummer; elke brief heeft een eigen nummer.';
begin
  for duplicate in
    select id, paper_number, published_on from (
      select letter.id, letter.paper_number, letter.published_on, row_number() over (
        partition by letter.paper_number
        order by (select min(recorded_at) from letter_publication where letter_id = letter.id and paper_number = letter.paper_number) nulls last, letter.finalised_at, letter.id
      ) as position
      from letter where paper_number is not null
    ) numbered
    where position > 1 order by paper_number, position
  loop
    n := 1;
    loop
      n := n + 1;
      candidate := duplicate.paper_number || ' (' || n || ')';
      exit when not exists (select from letter where paper_number = candidate);
    end loop;
    update letter set paper_number = candidate, version = version + 1 where id = duplicate.id;
    update public_letter set paper_number = candidate where id = duplicate.id;
    if duplicate.published_on is not null then
      insert into letter_publication (id, letter_id, paper_number, published_on, reason, recorded_by_name, recorded_at)
      values (gen_random_uuid(), duplicate.id, candidate, duplicate.published_on, reason, 'system', now());
    end if;
    insert into migration_change (object_type, object_id, before, after)
    values ('letter', duplicate.id, jsonb_build_object('paperNumber', duplicate.paper_number), jsonb_build_object('paperNumber', candidate, 'reason', reason));
  end loop;
end
$$;

create unique index letter_paper_number_unique on letter (paper_number) where paper_number is not null;

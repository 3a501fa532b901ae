-- A reference typed by hand is kept in one Unicode form (normaliseReference in common/text.ts): NFKC, so
-- that "é" typed as "e" and an accent, or a fullwidth "ＩＮＶ-1", is the text everyone else typed, and
-- every kind of space an ordinary one (NFKC leaves only U+1680 OGHAM SPACE MARK to replace). The unique
-- keys (register_key, migration 043) and an import's key (migration 033) fold only A-Z and spaces, the
-- same on every server; they compare references in this form. The references a register already holds
-- are put in it here.
create function normalised_reference(reference text) returns text language sql immutable parallel safe as $$
  select replace(normalize(reference, NFKC), U&'\1680', ' ')
$$;

-- A reference unique by its key that then has the key of another record in its scope gets " (2)",
-- " (3)", ... as migration 043 numbered them, in the order recorded: every record is kept.
create function normalise_unique_references(tab text, col text, scope text, recorded text, max_length integer) returns void language plpgsql as $$
declare
  changed record;
  n integer;
  candidate text;
  taken boolean;
begin
  for changed in execute format(
    'select id, normalised_reference(%1$I) as text, %2$s::text as scope from %4$I
     where %1$I <> normalised_reference(%1$I) order by %3$I, id',
    col, scope, recorded, tab)
  loop
    candidate := left(changed.text, max_length);
    n := 1;
    loop
      execute format('select exists (select from %I where id <> $3 and %s::text is not distinct from $1 and register_key(%I) = register_key($2))', tab, scope, col)
        into taken using changed.scope, candidate, changed.id;
      exit when not taken;
      n := n + 1;
      candidate := left(changed.text, max_length - length(' (' || n || ')')) || ' (' || n || ')';
    end loop;
    execute format('update %I set %I = $1 where id = $2', tab, col) using candidate, changed.id;
  end loop;
end;
$$;

select normalise_unique_references('export_licence', 'number', 'true', 'recorded_at', 100);
alter table epf_claim disable trigger epf_claim_kept;
select normalise_unique_references('epf_claim', 'reference', 'true', 'recorded_at', 100);
alter table epf_claim enable trigger epf_claim_kept;
select normalise_unique_references('industry_contract', 'reference', 'company_id', 'created_at', 200);
select normalise_unique_references('company', 'registration_number', 'country', 'created_at', 100);
drop function normalise_unique_references(text, text, text, text, integer);

update payment set reference = normalised_reference(reference) where reference <> normalised_reference(reference);
update delivery set contract_reference = normalised_reference(contract_reference) where contract_reference <> normalised_reference(contract_reference);
update budget_commitment set contract_reference = normalised_reference(contract_reference) where contract_reference <> normalised_reference(contract_reference);

-- An import's own reference, by which a file's row finds the record it made, in the form the import now
-- reads it in. Where several of a sheet come to one text, or one already has it, the others keep theirs
-- (as does one that would grow past the column's 200 characters): the record each made stays, and a row
-- of a file names the one in this form.
update imported_record
set external_reference = normalised.text
from (
  select distinct on (sheet, normalised_reference(external_reference)) sheet, external_reference, normalised_reference(external_reference) as text
  from imported_record
  where external_reference <> normalised_reference(external_reference) and length(normalised_reference(external_reference)) <= 200
  order by sheet, normalised_reference(external_reference), external_reference
) normalised
where imported_record.sheet = normalised.sheet
  and imported_record.external_reference = normalised.external_reference
  and not exists (select from imported_record other where other.sheet = normalised.sheet and other.external_reference = normalised.text);

drop function normalised_reference(text);

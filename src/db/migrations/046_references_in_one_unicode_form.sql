-- A reference typed by hand is kept in one Unicode form (normaliseReference in common/text.ts): NFKC, so
-- that "é" typed as "e" and an accent, or a fullwidth "ＩＮＶ-1", is the text everyone else typed, and
-- every kind of space an ordinary one (NFKC leaves only U+1680 OGHAM SPACE MARK to replace). The unique
-- keys (register_key, migration 043) and an import's key (migration 033) fold only A-Z and spaces, the
-- same on every server; they compare references in this form. The references a register already holds
-- are put in it here, each change with its audit event on the record's object, its field by its name in
-- the API, and the own id of a record kept under another's object (a licence or payment under its delivery)
-- under record_key (migration_change, src/db/migration-changes.ts).
create function normalised_reference(reference text) returns text language sql immutable parallel safe as $$
  select replace(normalize(reference, NFKC), U&'\1680', ' ')
$$;

-- A reference unique by its key that then has the key of another record in its scope gets " (2)",
-- " (3)", ... as migration 043 numbered them, in the order recorded: every record is kept.
create function normalise_unique_references(
  tab text, col text, scope text, recorded text, max_length integer, object_type text, object_id text, field text, record_key text
) returns void language plpgsql as $$
declare
  changed record;
  n integer;
  candidate text;
  taken boolean;
  record_id jsonb;
begin
  for changed in execute format(
    'select id, %1$I as stored, normalised_reference(%1$I) as text, %2$s::text as scope, %5$I::text as object_id from %4$I
     where %1$I <> normalised_reference(%1$I) order by %3$I, id',
    col, scope, recorded, tab, object_id)
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
    record_id := case when record_key is null then '{}' else jsonb_build_object(record_key, changed.id) end;
    insert into migration_change (object_type, object_id, before, after)
    values (object_type, changed.object_id, record_id || jsonb_build_object(field, changed.stored), record_id || jsonb_build_object(field, candidate));
  end loop;
end;
$$;

select normalise_unique_references('export_licence', 'number', 'true', 'recorded_at', 100, 'delivery', 'delivery_id', 'number', 'licence');
alter table epf_claim disable trigger epf_claim_kept;
select normalise_unique_references('epf_claim', 'reference', 'true', 'recorded_at', 100, 'epfClaim', 'id', 'reference', null);
alter table epf_claim enable trigger epf_claim_kept;
select normalise_unique_references('industry_contract', 'reference', 'company_id', 'created_at', 200, 'industryContract', 'id', 'reference', null);
select normalise_unique_references('company', 'registration_number', 'country', 'created_at', 100, 'company', 'id', 'registrationNumber', null);
drop function normalise_unique_references(text, text, text, text, integer, text, text, text, text);

-- A reference that need not be unique is put in the form as it is, its changes recorded in the order of the records' ids.
create function normalise_references(tab text, col text, object_type text, object_id text, field text, record_key text) returns void language plpgsql as $$
begin
  execute format(
    'with normalised as (
       update %1$I set %2$I = normalised_reference(stored.%2$I)
       from %1$I stored
       where %1$I.id = stored.id and stored.%2$I <> normalised_reference(stored.%2$I)
       returning %1$I.id, %1$I.%3$I::text as object_id, stored.%2$I as before, %1$I.%2$I as after
     ),
     records as (
       select normalised.*, case when $3::text is null then jsonb_build_object() else jsonb_build_object($3::text, id) end as record_id from normalised
     )
     insert into migration_change (object_type, object_id, before, after)
     select $1, object_id, record_id || jsonb_build_object($2::text, before), record_id || jsonb_build_object($2::text, after)
     from records order by id',
    tab, col, object_id)
  using object_type, field, record_key;
end;
$$;

select normalise_references('payment', 'reference', 'delivery', 'delivery_id', 'reference', 'payment');
select normalise_references('delivery', 'contract_reference', 'delivery', 'id', 'contractReference', null);
select normalise_references('budget_commitment', 'contract_reference', 'budgetCommitment', 'id', 'contractReference', null);
drop function normalise_references(text, text, text, text, text, text);

-- An import's own reference, by which a file's row finds the record it made, in the form the import now
-- reads it in. Where several of a sheet come to one text, or one already has it, the others keep theirs
-- (as does one that would grow past the column's 200 characters): the record each made stays, and a row
-- of a file names the one in this form. The event is the import's, which the reference belongs to.
with renamed as (
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
    and not exists (select from imported_record other where other.sheet = normalised.sheet and other.external_reference = normalised.text)
  returning imported_record.import_id, imported_record.record_id, imported_record.sheet, normalised.external_reference as before, normalised.text as after
)
insert into migration_change (object_type, object_id, before, after)
select 'import', import_id, jsonb_build_object('sheet', sheet, 'recordId', record_id, 'externalReference', before),
  jsonb_build_object('sheet', sheet, 'recordId', record_id, 'externalReference', after)
from renamed order by sheet, before collate "C";

drop function normalised_reference(text);

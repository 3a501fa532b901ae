-- Licence numbers, EPF claim references, a company's contract references and a company's registration
-- number in its country are typed by hand: "NL-1", "nl-1" and "NL -  1" are one and the same, so each
-- is unique by its key, folded as an imported record's reference is (migration 033 and referenceKey in
-- src/import/sheets.ts: A-Z in either case, and any run of spaces, tabs and non-breaking spaces as one).
create function register_key(reference text) returns text language sql immutable parallel safe as $$
  select regexp_replace(translate(reference, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[ \t\n\r\f\v\u00a0]+', ' ', 'g')
$$;

-- A register that already holds records under one key keeps them all, as migration 042 did for a
-- company's contracts: the first recorded keeps its text, each later one gets " (2)", " (3)", ... added,
-- in the order they were recorded, skipping a number whose text another record already has under that
-- key (and shortened to fit the column's own limit). Nothing else of them changes. Each change is an
-- audit event on the record's object (object_type, the column object_id holds its id), its field by its
-- name in the API; a record kept under another's object (a licence under its delivery) names its own id
-- under record_key (migration_change, src/db/migration-changes.ts).
create function number_records_sharing_a_key(
  tab text, col text, scope text, recorded text, max_length integer, object_type text, object_id text, field text, record_key text
) returns void language plpgsql as $$
declare
  duplicate record;
  n integer;
  candidate text;
  taken boolean;
  record_id jsonb;
begin
  for duplicate in execute format(
    'select id, text, scope, object_id from (
       select id, %1$I as text, %2$s::text as scope, %3$I as recorded, %5$I::text as object_id,
         row_number() over (partition by %2$s, register_key(%1$I) order by %3$I, id) as position
       from %4$I where %1$I is not null
     ) numbered where position > 1 order by recorded, id',
    col, scope, recorded, tab, object_id)
  loop
    n := 1;
    loop
      n := n + 1;
      candidate := left(duplicate.text, max_length - length(' (' || n || ')')) || ' (' || n || ')';
      execute format('select exists (select from %I where %s::text is not distinct from $1 and register_key(%I) = register_key($2))', tab, scope, col)
        into taken using duplicate.scope, candidate;
      exit when not taken;
    end loop;
    execute format('update %I set %I = $1 where id = $2', tab, col) using candidate, duplicate.id;
    record_id := case when record_key is null then '{}' else jsonb_build_object(record_key, duplicate.id) end;
    insert into migration_change (object_type, object_id, before, after)
    values (object_type, duplicate.object_id, record_id || jsonb_build_object(field, duplicate.text), record_id || jsonb_build_object(field, candidate));
  end loop;
end;
$$;

select number_records_sharing_a_key('export_licence', 'number', 'true', 'recorded_at', 100, 'delivery', 'delivery_id', 'number', 'licence');
alter table epf_claim disable trigger epf_claim_kept;
select number_records_sharing_a_key('epf_claim', 'reference', 'true', 'recorded_at', 100, 'epfClaim', 'id', 'reference', null);
alter table epf_claim enable trigger epf_claim_kept;
select number_records_sharing_a_key('industry_contract', 'reference', 'company_id', 'created_at', 200, 'industryContract', 'id', 'reference', null);
select number_records_sharing_a_key('company', 'registration_number', 'country', 'created_at', 100, 'company', 'id', 'registrationNumber', null);
drop function number_records_sharing_a_key(text, text, text, text, integer, text, text, text, text);

alter table export_licence drop constraint export_licence_number_key;
create unique index export_licence_number_folded on export_licence (register_key(number));
alter table epf_claim drop constraint epf_claim_reference_key;
create unique index epf_claim_reference_folded on epf_claim (register_key(reference));
alter table industry_contract drop constraint industry_contract_reference_per_company;
create unique index industry_contract_reference_folded_per_company on industry_contract (company_id, register_key(reference));
create unique index company_registration_number_per_country on company (country, register_key(registration_number)) where registration_number is not null;

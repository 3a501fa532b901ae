-- A company's contracts each have their own reference: two under the same one cannot be told apart on the
-- industry page, in an export or by whoever reads the contract itself. A register that already holds such
-- contracts keeps them all: the first recorded keeps its reference, each later one gets " (2)", " (3)", ...
-- added to it, in the order they were recorded; each change with its audit event (migration_change,
-- src/db/migration-changes.ts).
with renumbered as (
  update industry_contract
  set reference = industry_contract.reference || ' (' || numbered.n || ')'
  from (
    select id, reference, created_at, row_number() over (partition by company_id, reference order by created_at, id) as n
    from industry_contract
  ) numbered
  where industry_contract.id = numbered.id and numbered.n > 1
  returning industry_contract.id, numbered.reference as before, industry_contract.reference as after, numbered.created_at
)
insert into migration_change (object_type, object_id, before, after)
select 'industryContract', id, jsonb_build_object('reference', before), jsonb_build_object('reference', after)
from renumbered order by created_at, id;

alter table industry_contract add constraint industry_contract_reference_per_company unique (company_id, reference);

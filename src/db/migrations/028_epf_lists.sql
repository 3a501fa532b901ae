-- The claims list is read a page at a time in the order of declaration (keyset on declared_on, id).
create index epf_claim_by_declaration on epf_claim (declared_on, id);

-- The work done as implementing actor for the EU (deliveries funded by the EPF) is found without reading
-- every delivery.
create index delivery_funded_by_epf on delivery (id) where funding_source = 'epf' and deleted_at is null;

-- The claims list is read a page at a time in the order of declaration (keyset on declared_on, id).
create index epf_claim_by_declaration on epf_claim (declared_on, id);

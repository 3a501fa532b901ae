-- The list's text search looks for a fragment in five texts of a delivery. One trigram index over the five
-- put together replaces one per text: every delivery written cost five GIN insertions (in an import of
-- 40,000 deliveries about half the time of writing them), and a search five index scans. The texts are
-- joined by the unit separator (U+001F), which a search text never holds (it holds no control
-- character), so a fragment found in the joined text lies within one of the five. The search writes this
-- expression exactly so (src/db/repositories/deliveries.ts), or the planner does not see that the index
-- serves it. The index is not partial: the planner estimates a search from the statistics of the
-- expression, which it keeps only for an index over every row.
create index delivery_search_text on delivery using gin (
  (title || E'\x1f' || description || E'\x1f' || coalesce(public_title, '') || E'\x1f' || coalesce(company, '') || E'\x1f' || coalesce(contract_reference, '')) gin_trgm_ops
);

drop index delivery_title_text;
drop index delivery_description_text;
drop index delivery_public_title_text;
drop index delivery_company_text;
drop index delivery_contract_reference_text;

-- The lists read a nullable date as two walks (dated rows, then undated ones), so one ascending index
-- serves both directions; nothing reads this one.
drop index delivery_realised_desc;

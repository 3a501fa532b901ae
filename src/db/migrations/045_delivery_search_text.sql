-- The list's text search looks for a fragment in five texts of a delivery. Matched case-insensitively one
-- by one, each text was lowered again for every row the search read: about 4 µs a row, most of the
-- statement for a common word. The five are now joined and lowered once, when a delivery is written, and
-- the search matches the fragment, lowered by the same function, in that one text. The unit separator
-- between them cannot be typed in a search (src/api/deliveries/schemas.ts refuses control characters), so
-- no fragment is found across two texts. One trigram index on the joined text finds a rare fragment
-- where four of the five indexes on single texts did; the title's own stays, for the title searches of
-- the readiness page.
alter table delivery add column search_text text not null generated always as (
  lower(title || chr(31) || description || chr(31) || coalesce(public_title, '') || chr(31) || coalesce(company, '') || chr(31) || coalesce(contract_reference, ''))
) stored;
create index delivery_search_text on delivery using gin (search_text gin_trgm_ops) where deleted_at is null;
drop index delivery_description_text, delivery_public_title_text, delivery_company_text, delivery_contract_reference_text;

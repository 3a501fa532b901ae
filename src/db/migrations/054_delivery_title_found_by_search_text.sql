-- The readiness list's search in the title of stock deliveries finds a rare fragment through the trigram
-- index on the joined texts (delivery_search_text, migration 045), which hold the title, and then reads the
-- title itself. The title's own trigram index served no other search, and kept up with each delivery
-- written cost as much as that of the joined texts: of an import of 40,000 deliveries, a good part of the
-- time PostgreSQL took to write them.
drop index delivery_title_text;

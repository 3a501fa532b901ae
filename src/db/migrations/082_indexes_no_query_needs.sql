-- Two indexes that no query needs, which each delivery and payment written kept up. The index of deliveries by
-- support type and realisation date (migration 001) was taken only as the smallest to count deliveries by, or to
-- find the stock deliveries, all of them, which lie on every page of the table: every list sorted by realisation
-- date walks delivery_realised_asc, and a support type is found as well through delivery_support_type or by
-- reading the table (the readiness page's replenishment took 177-219 ms with it and 201-213 ms without, at
-- 100,000 deliveries). The index of payments by their date alone served only the annex at an early reference
-- date, whose statement read the payments as fast without it (307 against 315 ms). Bulk registration wrote
-- 10,000 deliveries 5% faster without the first (COPY into a copy of the table holding 90,000: 560 against
-- 590 ms of the server's processor time), and each ANALYZE of the deliveries checks one partial index fewer.
drop index delivery_listing;
drop index payment_by_date;

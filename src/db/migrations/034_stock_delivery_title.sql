-- The readiness page lists the stock deliveries by title, a page at a time: walking the index of all
-- titles would pass over every other delivery on the way (two in three in the register's mix).
create index delivery_stock_title on delivery (title, id) where support_type = 'stock' and deleted_at is null;

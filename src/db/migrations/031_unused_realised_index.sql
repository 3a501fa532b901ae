-- The lists read a nullable date as two walks (dated rows, then undated ones), so one ascending index on
-- (realised_at, id) serves both directions; nothing reads the descending one, and every delivery written
-- paid a B-tree insertion for it.
drop index delivery_realised_desc;

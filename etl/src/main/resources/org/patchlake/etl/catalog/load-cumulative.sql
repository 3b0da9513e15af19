-- Cumulative packages of one catalog version, as the import derived them.
-- Parameter: 1 = the update_cumulative table's Parquet files (glob).
SELECT kb, product, kind, scope, reason
FROM read_parquet(?)
ORDER BY product, kb

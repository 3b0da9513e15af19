-- Bulletins of one catalog version. Parameter: 1 = the bulletins table's Parquet files (glob).
SELECT bulletin_id, title, vendor_severity, impact, released, revised, cve_count, exploited, superseded, update_count
FROM read_parquet(?)

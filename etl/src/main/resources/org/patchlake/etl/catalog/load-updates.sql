-- Updates of one catalog version with their CVEs.
-- Parameters: 1 = the updates table's Parquet files (glob), 2 = the update_cves table's Parquet files (glob).
SELECT u.kb, u.bulletin_id, u.product, u.component, u.severity, u.impact, u.released, u.exploited,
       u.restart_behaviour, array_to_string(u.supersedes, ',') AS supersedes, c.cves
FROM read_parquet(?) AS u
LEFT JOIN (
    SELECT kb, product, string_agg(cve, ',' ORDER BY cve) AS cves
    FROM read_parquet(?)
    GROUP BY kb, product
) AS c ON c.kb = u.kb AND c.product = u.product

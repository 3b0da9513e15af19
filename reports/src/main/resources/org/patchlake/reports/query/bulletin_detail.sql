-- Report 9: one bulletin (catalog data is not scoped) with its updates, CVEs and what supersedes them.
SELECT b.bulletin_id, b.title, b.vendor_severity AS severity, b.impact, b.released, b.revised, b.cve_count,
       b.exploited, b.superseded,
       u.update_id, u.kb, u.product, u.restart_behaviour, u.supersedes,
       (SELECT array_agg(DISTINCT cv.cve ORDER BY cv.cve) FROM update_cves cv WHERE cv.kb = u.kb AND cv.product = u.product) AS cves,
       (SELECT array_agg(DISTINCT s.superseded_by_kb ORDER BY s.superseded_by_kb) FROM update_supersedence s
         WHERE s.kb = u.kb AND s.product = u.product) AS superseded_by
FROM bulletins b
LEFT JOIN updates u ON u.bulletin_id = b.bulletin_id
WHERE b.bulletin_id = :bulletin_id
ORDER BY u.kb, u.product

-- Report 9: superseded bulletins with the KBs that supersede them and how many computers in scope still have
-- them applicable without being compliant (they remain in history and may still matter). bulletins_matching: the
-- rows of every page (the total a page of LIMIT rows is out of).
WITH superseding AS (
  SELECT u.bulletin_id, array_agg(DISTINCT s.superseded_by_kb ORDER BY s.superseded_by_kb) AS superseded_by
  FROM updates u JOIN update_supersedence s ON s.kb = u.kb AND s.product = u.product
  GROUP BY u.bulletin_id
), open_pairs AS (
  SELECT bs.bulletin_id, sum(bs.computers) AS applicable,
         coalesce(sum(bs.computers) FILTER (WHERE bs.state <> 'INSTALLED'), 0) AS not_installed
  FROM bulletin_state_summary bs
  WHERE /*@scope(region = bs.region, site = bs.site)*/
  GROUP BY bs.bulletin_id
)
SELECT b.bulletin_id, b.title, b.vendor_severity AS severity, b.released, coalesce(s.superseded_by, CAST(ARRAY[] AS VARCHAR[])) AS superseded_by,
       coalesce(o.applicable, 0) AS applicable, coalesce(o.not_installed, 0) AS not_installed,
       count(*) OVER () AS bulletins_matching
FROM bulletins b
LEFT JOIN superseding s ON s.bulletin_id = b.bulletin_id
LEFT JOIN open_pairs o ON o.bulletin_id = b.bulletin_id
WHERE b.superseded
  /*@filter(severity = b.vendor_severity, released = b.released)*/
ORDER BY b.released DESC, b.bulletin_id
LIMIT :limit OFFSET :offset

-- Remediation: the computer x update pairs a report row stands for, still to install (REQUIRED or FAILED), within
-- the actor's scope and narrowed to a bulletin and/or a computer and a region / site. EXEMPT, UNKNOWN and
-- installed pairs are never targets. A superseded update is replaced by the newest update that supersedes it
-- for the same product and is itself not superseded (the head of the chain): installing it counts as installing
-- the one the row asked for.
WITH needed AS (
  SELECT s.computer_id, s.kb, s.product, s.bulletin_id, s.state, c.hostname, c.region, c.site
  FROM update_state s
  JOIN computers c ON c.computer_id = s.computer_id
  WHERE s.state IN ('REQUIRED', 'FAILED')
    AND (:bulletin_id::VARCHAR IS NULL OR s.bulletin_id = :bulletin_id::VARCHAR)
    AND (:computer_id::VARCHAR IS NULL OR s.computer_id = :computer_id::VARCHAR)
    AND /*@scope(region = c.region, site = c.site)*/
      /*@filter(region = c.region, site = c.site)*/
), heads AS (
  SELECT s.kb, s.product, arg_max(s.superseded_by_kb, u.released) AS head_kb
  FROM update_supersedence s
  JOIN updates u ON u.kb = s.superseded_by_kb AND u.product = s.product
  WHERE NOT EXISTS (SELECT 1 FROM update_supersedence later
                    WHERE later.kb = s.superseded_by_kb AND later.product = s.product)
  GROUP BY s.kb, s.product
)
SELECT n.computer_id, n.hostname, n.region, n.site, n.bulletin_id, n.kb AS required_kb, n.product, n.state,
       coalesce(h.head_kb, n.kb) AS install_kb
FROM needed n
LEFT JOIN heads h ON h.kb = n.kb AND h.product = n.product
ORDER BY n.computer_id, install_kb, n.product

-- Report 2 drill-down: what to install on one computer (in scope). Each KB of its install plan (computers.install_kbs:
-- core's InstallPlanner, run by the ETL; the update fixing most first) with its release date, how many of the
-- computer's REQUIRED or FAILED updates installing it fixes (update_state.install_kb) and their products. One row with
-- NULL kb when the computer is in scope and has nothing to install (planned is false when the snapshot was published
-- before the ETL planned); no row at all when it is unknown or outside the scope.
WITH computer AS (
  SELECT c.computer_id, c.install_kbs
  FROM computers c
  WHERE c.computer_id = :computer_id
    AND (:scope_all OR list_contains(:scope_regions::VARCHAR[], c.region) OR list_contains(:scope_sites::VARCHAR[], c.site))
), fixed AS (
  SELECT us.install_kb AS kb, count(*) AS fixes, array_agg(DISTINCT us.product ORDER BY us.product) AS products
  FROM update_state us
  WHERE us.computer_id = :computer_id AND us.state IN ('REQUIRED', 'FAILED') AND us.install_kb IS NOT NULL
  GROUP BY us.install_kb
), released AS (
  -- the planned update's release for the products it fixes here (any of its products if it is listed for none of them)
  SELECT f.kb, coalesce(min(u.released) FILTER (WHERE list_contains(f.products, u.product)), min(u.released)) AS released
  FROM fixed f
  JOIN updates u ON u.kb = f.kb
  GROUP BY f.kb
)
SELECT c.computer_id, c.install_kbs IS NOT NULL AS planned, f.kb, r.released, f.fixes, f.products,
       array_position(c.install_kbs, f.kb) AS plan_position
FROM computer c
LEFT JOIN fixed f ON true
LEFT JOIN released r ON r.kb = f.kb
ORDER BY plan_position NULLS LAST, f.fixes DESC, f.kb

-- Report 2 drill-down: a computer's applicable updates in the given states. One row with NULL update_id when
-- the computer is in scope but has none; no row at all when it is unknown or outside the scope.
SELECT c.computer_id, us.update_id, us.kb, us.bulletin_id, us.product, us.state, us.state_since,
       us.first_applicable_at, us.installed_at, us.installed_via_kb, us.failed_attempts, us.install_kb,
       b.title, b.vendor_severity AS severity, b.exploited, u.restart_behaviour
FROM computers c
LEFT JOIN update_state us ON us.computer_id = c.computer_id AND list_contains(:states::VARCHAR[], us.state)
LEFT JOIN bulletins b ON b.bulletin_id = us.bulletin_id
LEFT JOIN updates u ON u.update_id = us.update_id
WHERE c.computer_id = :computer_id
  AND /*@scope(region = c.region, site = c.site)*/
ORDER BY CASE b.vendor_severity WHEN 'Critical' THEN 1 WHEN 'Important' THEN 2 WHEN 'Moderate' THEN 3 WHEN 'Low' THEN 4 ELSE 5 END,
         us.first_applicable_at, us.update_id

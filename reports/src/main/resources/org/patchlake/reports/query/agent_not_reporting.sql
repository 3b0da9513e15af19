-- Report 8 drill-down: computers with an agent and no inventory in :days days (or never), oldest first;
-- with :only_scan_errors, computers whose last scan reported errors instead.
SELECT c.computer_id, c.hostname, c.region, c.site, c.computer_class, c.agent_version, c.last_inventory_at,
       coalesce(c.scan_error_count, 0) AS scan_error_count, c.last_scan_error
FROM computers c
WHERE /*@scope(region = c.region, site = c.site)*/
  /*@filter(region = c.region, site = c.site, class = c.computer_class)*/
  AND CASE WHEN :only_scan_errors::BOOLEAN THEN coalesce(c.scan_error_count, 0) > 0
           ELSE c.agent_version IS NOT NULL AND (c.last_inventory_at IS NULL
                OR c.last_inventory_at < :as_of::TIMESTAMP - to_days(:days::INTEGER)) END
ORDER BY c.last_inventory_at NULLS FIRST, c.computer_id
LIMIT :limit OFFSET :offset

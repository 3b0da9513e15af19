-- Report 8 headline: computers with and without an agent, not reporting in :days days, with scan errors, and with an
-- OS the catalog's products could not be resolved for (their in-box products are not evaluated).
SELECT count(*) AS computers,
       count_if(c.agent_version IS NOT NULL) AS with_agent,
       count_if(c.agent_version IS NULL) AS without_agent,
       count_if(c.agent_version IS NOT NULL AND (c.last_inventory_at IS NULL
                OR c.last_inventory_at < :as_of::TIMESTAMP - to_days(:days::INTEGER))) AS not_reporting,
       count_if(coalesce(c.scan_error_count, 0) > 0) AS with_scan_errors,
       count_if(c.os_unresolved_reason IS NOT NULL) AS os_unresolved
FROM computers c
WHERE (:scope_all OR list_contains(:scope_regions::VARCHAR[], c.region) OR list_contains(:scope_sites::VARCHAR[], c.site))
  AND (len(:regions::VARCHAR[]) = 0 OR list_contains(:regions::VARCHAR[], c.region))
  AND (len(:sites::VARCHAR[]) = 0 OR list_contains(:sites::VARCHAR[], c.site))
  AND (len(:classes::VARCHAR[]) = 0 OR list_contains(:classes::VARCHAR[], c.computer_class))

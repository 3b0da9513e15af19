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
WHERE /*@scope(region = c.region, site = c.site)*/
  /*@filter(region = c.region, site = c.site, class = c.computer_class)*/

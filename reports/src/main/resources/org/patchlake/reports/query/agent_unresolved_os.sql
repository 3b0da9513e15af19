-- Report 8: computers whose OS identity could not be resolved to the catalog's products, with the reason the ETL
-- gave (their OS product is evaluated if the agent named it, their in-box .NET, Internet Explorer, ... are not).
SELECT c.computer_id, c.hostname, c.region, c.site, c.computer_class, c.agent_version, c.os_product, c.os_name,
       c.os_version, c.os_build, c.last_inventory_at, c.os_unresolved_reason
FROM computers c
WHERE c.os_unresolved_reason IS NOT NULL
  AND (:scope_all OR list_contains(:scope_regions::VARCHAR[], c.region) OR list_contains(:scope_sites::VARCHAR[], c.site))
  AND (len(:regions::VARCHAR[]) = 0 OR list_contains(:regions::VARCHAR[], c.region))
  AND (len(:sites::VARCHAR[]) = 0 OR list_contains(:sites::VARCHAR[], c.site))
  AND (len(:classes::VARCHAR[]) = 0 OR list_contains(:classes::VARCHAR[], c.computer_class))
ORDER BY c.os_unresolved_reason, c.computer_id
LIMIT :limit OFFSET :offset

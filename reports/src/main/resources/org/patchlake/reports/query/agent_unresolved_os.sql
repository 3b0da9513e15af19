-- Report 8: computers whose OS identity could not be resolved to the catalog's products, with the reason the ETL
-- gave (their OS product is evaluated if the agent named it, their in-box .NET, Internet Explorer, ... are not).
SELECT c.computer_id, c.hostname, c.region, c.site, c.computer_class, c.agent_version, c.os_product, c.os_name,
       c.os_version, c.os_build, c.last_inventory_at, c.os_unresolved_reason
FROM computers c
WHERE c.os_unresolved_reason IS NOT NULL
  AND /*@scope(region = c.region, site = c.site)*/
    /*@filter(region = c.region, site = c.site, class = c.computer_class)*/
ORDER BY c.os_unresolved_reason, c.computer_id
LIMIT :limit OFFSET :offset

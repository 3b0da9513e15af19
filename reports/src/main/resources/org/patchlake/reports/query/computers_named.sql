-- The computers (in scope) with a given host name, case-insensitive: forms that accept a host name where they need a
-- computer id resolve it here (more than one row: the name is ambiguous and the form asks for the id).
SELECT c.computer_id, c.hostname, c.region, c.site
FROM computers c
WHERE lower(c.hostname) = lower(:hostname)
  AND /*@scope(region = c.region, site = c.site)*/
ORDER BY c.computer_id
LIMIT 20

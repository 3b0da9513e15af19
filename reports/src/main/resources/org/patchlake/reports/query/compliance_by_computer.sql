-- Report 2: compliance by computer (bulletin states per computer), also the computer level of report 10.
-- install_kbs: the KBs of the computer's install plan that fix its REQUIRED or FAILED updates of the bulletins in the
-- filter, in plan order (without a filter, the whole plan).
WITH counts AS (
  SELECT bs.computer_id,
         count(*) AS applicable,
         count_if(bs.state = 'INSTALLED') AS installed,
         count_if(bs.state = 'INSTALLED_PENDING_REBOOT') AS pending_reboot,
         count_if(bs.state = 'REQUIRED') AS required,
         count_if(bs.state = 'FAILED') AS failed,
         count_if(bs.state = 'EXEMPT') AS exempt,
         count_if(bs.state = 'UNKNOWN') AS unknown
  FROM bulletin_state bs
  JOIN bulletins b ON b.bulletin_id = bs.bulletin_id
  WHERE /*@scope(region = bs.region, site = bs.site)*/
    /*@filter(region = bs.region, site = bs.site, class = bs.computer_class, severity = b.vendor_severity, released = b.released)*/
  GROUP BY bs.computer_id
), installs AS (
  SELECT us.computer_id, us.install_kb, min(array_position(pc.install_kbs, us.install_kb)) AS plan_position
  FROM update_state us
  JOIN bulletins b ON b.bulletin_id = us.bulletin_id
  JOIN computers pc ON pc.computer_id = us.computer_id
  WHERE us.state IN ('REQUIRED', 'FAILED') AND us.install_kb IS NOT NULL
    AND (:scope_all OR list_contains(:scope_regions::VARCHAR[], us.region) OR list_contains(:scope_sites::VARCHAR[], us.site))
    AND (len(:regions::VARCHAR[]) = 0 OR list_contains(:regions::VARCHAR[], us.region))
    AND (len(:sites::VARCHAR[]) = 0 OR list_contains(:sites::VARCHAR[], us.site))
    AND (len(:classes::VARCHAR[]) = 0 OR list_contains(:classes::VARCHAR[], us.computer_class))
    AND (len(:severities::VARCHAR[]) = 0 OR list_contains(:severities::VARCHAR[], b.vendor_severity))
    AND (:from::DATE IS NULL OR b.released >= :from::DATE)
    AND (:to::DATE IS NULL OR b.released <= :to::DATE)
  GROUP BY us.computer_id, us.install_kb
), plans AS (
  SELECT computer_id, array_agg(install_kb ORDER BY plan_position, install_kb) AS install_kbs
  FROM installs GROUP BY computer_id
)
SELECT c.computer_id, c.hostname, c.region, c.site, c.computer_class, c.managed_level, c.last_inventory_at,
       coalesce(c.pending_reboot, false) AS pending_reboot_flag,
       count(*) OVER () AS computers_matching,
       k.applicable, k.installed, k.pending_reboot, k.required, k.failed, k.exempt, k.unknown,
       k.pending_reboot + k.required + k.failed AS vulnerable, p.install_kbs
FROM counts k
JOIN computers c ON c.computer_id = k.computer_id
LEFT JOIN plans p ON p.computer_id = k.computer_id
ORDER BY /*order_by*/
LIMIT :limit OFFSET :offset

-- Report 2: compliance by computer (bulletin states per computer), also the computer level of report 10.
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
)
SELECT c.computer_id, c.hostname, c.region, c.site, c.computer_class, c.managed_level, c.last_inventory_at,
       coalesce(c.pending_reboot, false) AS pending_reboot_flag,
       k.applicable, k.installed, k.pending_reboot, k.required, k.failed, k.exempt, k.unknown,
       k.pending_reboot + k.required + k.failed AS vulnerable
FROM counts k
JOIN computers c ON c.computer_id = k.computer_id
ORDER BY /*order_by*/
LIMIT :limit OFFSET :offset

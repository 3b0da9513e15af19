-- Report 2 with a severity filter and no release-date filter: computer_severity_counts (bulletin-state counts per
-- computer x vendor severity, computed when the snapshot was loaded). Same rows as compliance_by_computer.sql.
WITH counts AS (
  SELECT k.computer_id,
         sum(k.applicable) AS applicable, sum(k.installed) AS installed, sum(k.pending_reboot) AS pending_reboot,
         sum(k.required) AS required, sum(k.failed) AS failed, sum(k.exempt) AS exempt, sum(k.unknown) AS unknown
  FROM computer_severity_counts k
  WHERE /*@scope(region = k.region, site = k.site)*/
    /*@filter(region = k.region, site = k.site, class = k.computer_class, severity = k.severity)*/
  GROUP BY k.computer_id
)
SELECT c.computer_id, c.hostname, c.region, c.site, c.computer_class, c.managed_level, c.last_inventory_at,
       coalesce(c.pending_reboot, false) AS pending_reboot_flag,
       k.applicable, k.installed, k.pending_reboot, k.required, k.failed, k.exempt, k.unknown,
       k.pending_reboot + k.required + k.failed AS vulnerable
FROM counts k
JOIN computers c ON c.computer_id = k.computer_id
ORDER BY /*order_by*/
LIMIT :limit OFFSET :offset

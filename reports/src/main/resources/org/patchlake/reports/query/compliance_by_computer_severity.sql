-- Report 2 with a severity filter and no release-date filter: computer_severity_counts (bulletin-state counts per
-- computer x vendor severity, computed when the snapshot was loaded). Same rows as compliance_by_computer.sql.
WITH counts AS (
  SELECT k.computer_id,
         sum(k.applicable) AS applicable, sum(k.installed) AS installed, sum(k.pending_reboot) AS pending_reboot,
         sum(k.required) AS required, sum(k.failed) AS failed, sum(k.exempt) AS exempt, sum(k.unknown) AS unknown
  FROM computer_severity_counts k
  WHERE (:scope_all OR list_contains(:scope_regions::VARCHAR[], k.region) OR list_contains(:scope_sites::VARCHAR[], k.site))
    AND (len(:regions::VARCHAR[]) = 0 OR list_contains(:regions::VARCHAR[], k.region))
    AND (len(:sites::VARCHAR[]) = 0 OR list_contains(:sites::VARCHAR[], k.site))
    AND (len(:classes::VARCHAR[]) = 0 OR list_contains(:classes::VARCHAR[], k.computer_class))
    AND (len(:severities::VARCHAR[]) = 0 OR list_contains(:severities::VARCHAR[], k.severity))
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

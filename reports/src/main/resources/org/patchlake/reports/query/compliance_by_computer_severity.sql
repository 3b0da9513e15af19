-- Report 2 with a severity filter and no release-date filter: computer_severity_counts (bulletin-state counts per
-- computer x vendor severity, computed when the snapshot was loaded). Same rows as compliance_by_computer.sql.
-- install_kbs: the KBs of the computer's install plan that fix its REQUIRED or FAILED updates of those severities
-- (computer_install_counts), in plan order.
WITH counts AS (
  SELECT k.computer_id,
         sum(k.applicable) AS applicable, sum(k.installed) AS installed, sum(k.pending_reboot) AS pending_reboot,
         sum(k.required) AS required, sum(k.failed) AS failed, sum(k.exempt) AS exempt, sum(k.unknown) AS unknown
  FROM computer_severity_counts k
  WHERE /*@scope(region = k.region, site = k.site)*/
    /*@filter(region = k.region, site = k.site, class = k.computer_class, severity = k.severity)*/
  GROUP BY k.computer_id
), installs AS (
  SELECT i.computer_id, i.install_kb, min(i.plan_position) AS plan_position
  FROM computer_install_counts i
  WHERE (:scope_all OR list_contains(:scope_regions::VARCHAR[], i.region) OR list_contains(:scope_sites::VARCHAR[], i.site))
    AND (len(:regions::VARCHAR[]) = 0 OR list_contains(:regions::VARCHAR[], i.region))
    AND (len(:sites::VARCHAR[]) = 0 OR list_contains(:sites::VARCHAR[], i.site))
    AND (len(:classes::VARCHAR[]) = 0 OR list_contains(:classes::VARCHAR[], i.computer_class))
    AND (len(:severities::VARCHAR[]) = 0 OR list_contains(:severities::VARCHAR[], i.severity))
  GROUP BY i.computer_id, i.install_kb
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

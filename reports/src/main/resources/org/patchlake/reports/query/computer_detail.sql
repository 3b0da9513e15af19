-- Report 2 drill-down: one computer (in scope), its last scan and its bulletin-state counts.
WITH last_scan AS (
  SELECT computer_id, scanned_at, duration_ms, error_count
  FROM scans
  WHERE computer_id = :computer_id
  ORDER BY scanned_at DESC
  LIMIT 1
), counts AS (
  -- computer_counts: the computer's bulletin-state counts, computed when the snapshot was loaded
  SELECT coalesce(sum(applicable), 0) AS applicable, coalesce(sum(installed), 0) AS installed,
         coalesce(sum(pending_reboot), 0) AS pending_reboot, coalesce(sum(required), 0) AS required,
         coalesce(sum(failed), 0) AS failed, coalesce(sum(exempt), 0) AS exempt, coalesce(sum(unknown), 0) AS unknown
  FROM computer_counts
  WHERE computer_id = :computer_id
)
SELECT c.computer_id, c.hostname, c.domain, c.region, c.site, c.ou, c.computer_class, c.managed_level,
       c.os_name, c.os_version, c.os_build, c.architecture, c.agent_version, c.enrolled_at, c.last_inventory_at,
       c.last_boot_at, coalesce(c.pending_reboot, false) AS pending_reboot_flag, c.pending_reboot_since,
       coalesce(c.reporting, false) AS reporting, coalesce(c.scan_error_count, 0) AS scan_error_count, c.last_scan_error,
       s.scanned_at AS last_scan_at, s.duration_ms AS last_scan_duration_ms, s.error_count AS last_scan_error_count,
       k.applicable, k.installed, k.pending_reboot, k.required, k.failed, k.exempt, k.unknown
FROM computers c
CROSS JOIN counts k
LEFT JOIN last_scan s ON s.computer_id = c.computer_id
WHERE c.computer_id = :computer_id
  AND /*@scope(region = c.region, site = c.site)*/

-- Report 6: computers pending a restart, longest first, with the updates waiting for it.
-- computer_pending_reboot_updates: update_state's INSTALLED_PENDING_REBOOT rows per computer (snapshot load).
WITH waiting AS (
  SELECT computer_id, updates_pending_reboot FROM computer_pending_reboot_updates
)
SELECT c.computer_id, c.hostname, c.region, c.site, c.computer_class, c.pending_reboot_since, c.last_boot_at,
       epoch(:as_of::TIMESTAMP - c.pending_reboot_since) / 3600.0 AS hours_pending,
       coalesce(w.updates_pending_reboot, 0) AS updates_pending_reboot
FROM computers c
LEFT JOIN waiting w ON w.computer_id = c.computer_id
WHERE (c.pending_reboot OR w.updates_pending_reboot > 0)
  AND /*@scope(region = c.region, site = c.site)*/
    /*@filter(region = c.region, site = c.site, class = c.computer_class)*/
ORDER BY c.pending_reboot_since NULLS LAST, c.computer_id
LIMIT :limit OFFSET :offset

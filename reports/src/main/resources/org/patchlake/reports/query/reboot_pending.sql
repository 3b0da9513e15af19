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
  AND (:scope_all OR list_contains(:scope_regions::VARCHAR[], c.region) OR list_contains(:scope_sites::VARCHAR[], c.site))
  AND (len(:regions::VARCHAR[]) = 0 OR list_contains(:regions::VARCHAR[], c.region))
  AND (len(:sites::VARCHAR[]) = 0 OR list_contains(:sites::VARCHAR[], c.site))
  AND (len(:classes::VARCHAR[]) = 0 OR list_contains(:classes::VARCHAR[], c.computer_class))
ORDER BY c.pending_reboot_since NULLS LAST, c.computer_id
LIMIT :limit OFFSET :offset

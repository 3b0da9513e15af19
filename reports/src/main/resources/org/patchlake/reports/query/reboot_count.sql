-- Report 6 headline: how many computers in scope and filter are pending a restart (the same computers as
-- reboot_pending.sql, all of them rather than a page), the updates waiting for it, the longest wait in hours.
SELECT count(*) AS computers,
       coalesce(sum(coalesce(w.updates_pending_reboot, 0)), 0) AS updates_pending_reboot,
       max(epoch(:as_of::TIMESTAMP - c.pending_reboot_since)) / 3600.0 AS longest_hours_pending
FROM computers c
LEFT JOIN computer_pending_reboot_updates w ON w.computer_id = c.computer_id
WHERE (c.pending_reboot OR w.updates_pending_reboot > 0)
  AND /*@scope(region = c.region, site = c.site)*/
    /*@filter(region = c.region, site = c.site, class = c.computer_class)*/

-- Remediation: where one computer is (for the scope check of a rescan or restart) and whether it waits for a restart.
SELECT c.computer_id, c.hostname, c.region, c.site, coalesce(c.pending_reboot, false) AS pending_reboot
FROM computers c
WHERE c.computer_id = :computer_id

-- The demo's self-check: per computer of the published snapshot (by host name), the catalog products it has update
-- states for and why its OS was not resolved to the catalog's products (null when it was). {computers} and
-- {update_state} are the snapshot's tables as read by the snapshot contract (SnapshotRelations).
SELECT c.hostname, c.os_product, c.os_unresolved_reason, list(DISTINCT u.product) FILTER (WHERE u.product IS NOT NULL) AS products
FROM {computers} c
LEFT JOIN {update_state} u ON u.computer_id = c.computer_id
GROUP BY c.hostname, c.os_product, c.os_unresolved_reason

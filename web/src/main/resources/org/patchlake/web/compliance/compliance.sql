-- name: insert_exception
INSERT INTO exceptions (computer_id, bulletin_id, owner, reason, expires_at, granted_by, granted_at) VALUES (?, ?, ?, ?, ?, ?, ?);
-- name: revoke_exception
UPDATE exceptions SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL;
-- name: select_exception
SELECT id, computer_id, bulletin_id, owner, reason, expires_at, granted_by, granted_at, revoked_by, revoked_at FROM exceptions WHERE id = ?;
-- name: select_exceptions
SELECT id, computer_id, bulletin_id, owner, reason, expires_at, granted_by, granted_at, revoked_by, revoked_at FROM exceptions ORDER BY expires_at, id LIMIT ?;
-- name: select_active_exception
SELECT id FROM exceptions WHERE computer_id = ? AND bulletin_id = ? AND revoked_at IS NULL AND expires_at > ?;
-- name: merge_severity
MERGE INTO custom_severities (bulletin_id, severity, reason, set_by, set_at) KEY (bulletin_id) VALUES (?, ?, ?, ?, ?);
-- name: delete_severity
DELETE FROM custom_severities WHERE bulletin_id = ?;
-- name: select_severity
SELECT bulletin_id, severity, reason, set_by, set_at FROM custom_severities WHERE bulletin_id = ?;
-- name: select_severities
SELECT bulletin_id, severity, reason, set_by, set_at FROM custom_severities ORDER BY bulletin_id;
-- name: insert_sla_policy
INSERT INTO sla_policies (name, severity, computer_class, managed_level, clock_start, phases, measured, active, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
-- name: update_sla_policy
UPDATE sla_policies SET name = ?, severity = ?, computer_class = ?, managed_level = ?, clock_start = ?, phases = ?, measured = ?, active = ?, updated_by = ?, updated_at = ? WHERE id = ?;
-- name: select_sla_policy
SELECT id, name, severity, computer_class, managed_level, clock_start, phases, measured, active, updated_by, updated_at FROM sla_policies WHERE id = ?;
-- name: select_sla_policies
SELECT id, name, severity, computer_class, managed_level, clock_start, phases, measured, active, updated_by, updated_at FROM sla_policies ORDER BY id;

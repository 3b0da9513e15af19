-- name: insert_policy
INSERT INTO remediation_policies (idempotency_key, name, definition, status, created_by, created_at, updated_at, revision, parent_policy_id)
VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?);
-- name: insert_target
INSERT INTO remediation_targets (policy_id, computer_id, hostname, region, site, ring) VALUES (?, ?, ?, ?, ?, ?);
-- name: insert_target_update
INSERT INTO remediation_target_updates (policy_id, computer_id, kb, product, required_kb, bulletin_id) VALUES (?, ?, ?, ?, ?, ?);
-- name: select_policy_by_key
SELECT p.id, p.idempotency_key, p.definition, p.status, p.revision, p.parent_policy_id, p.created_by, p.created_at, p.updated_at,
       (SELECT COUNT(*) FROM remediation_targets t WHERE t.policy_id = p.id) AS target_count
FROM remediation_policies p WHERE p.idempotency_key = ?;
-- name: select_policy
SELECT p.id, p.idempotency_key, p.definition, p.status, p.revision, p.parent_policy_id, p.created_by, p.created_at, p.updated_at,
       (SELECT COUNT(*) FROM remediation_targets t WHERE t.policy_id = p.id) AS target_count
FROM remediation_policies p WHERE p.id = ?;
-- name: select_policies
SELECT p.id, p.idempotency_key, p.definition, p.status, p.revision, p.parent_policy_id, p.created_by, p.created_at, p.updated_at,
       (SELECT COUNT(*) FROM remediation_targets t WHERE t.policy_id = p.id) AS target_count
FROM remediation_policies p ORDER BY p.id DESC LIMIT ?;
-- name: select_targets
SELECT t.computer_id, t.hostname, t.region, t.site, t.ring, u.kb, u.product, u.required_kb, u.bulletin_id
FROM remediation_targets t JOIN remediation_target_updates u ON u.policy_id = t.policy_id AND u.computer_id = t.computer_id
WHERE t.policy_id = ? ORDER BY t.computer_id, u.kb, u.product;
-- name: update_status
UPDATE remediation_policies SET status = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND status = ?;
-- name: select_assignments
-- Policies a computer must know about at check-in: its targets in live (active or paused) policies.
SELECT p.id, p.idempotency_key, p.definition, p.status, p.revision, p.parent_policy_id, p.created_by, p.created_at, p.updated_at,
       0 AS target_count, t.ring, u.kb, u.product, u.required_kb, u.bulletin_id
FROM remediation_targets t
JOIN remediation_policies p ON p.id = t.policy_id
JOIN remediation_target_updates u ON u.policy_id = t.policy_id AND u.computer_id = t.computer_id
WHERE t.computer_id = ? AND p.status IN ('active', 'paused')
ORDER BY p.id, u.kb, u.product;
-- name: insert_action
INSERT INTO remediation_actions (idempotency_key, kind, notice_minutes, notice_message, source, created_by, created_at, expires_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?);
-- name: insert_action_target
INSERT INTO remediation_action_targets (action_id, computer_id, region, site) VALUES (?, ?, ?, ?);
-- name: select_action_by_key
SELECT a.id, a.idempotency_key, a.kind, a.notice_minutes, a.notice_message, a.source, a.created_by, a.created_at, a.expires_at,
       (SELECT COUNT(*) FROM remediation_action_targets t WHERE t.action_id = a.id) AS target_count
FROM remediation_actions a WHERE a.idempotency_key = ?;
-- name: select_actions
SELECT a.id, a.idempotency_key, a.kind, a.notice_minutes, a.notice_message, a.source, a.created_by, a.created_at, a.expires_at,
       (SELECT COUNT(*) FROM remediation_action_targets t WHERE t.action_id = a.id) AS target_count
FROM remediation_actions a ORDER BY a.id DESC LIMIT ?;
-- name: select_pending_actions
SELECT a.id, a.idempotency_key, a.kind, a.notice_minutes, a.notice_message, a.source, a.created_by, a.created_at, a.expires_at,
       1 AS target_count
FROM remediation_action_targets t JOIN remediation_actions a ON a.id = t.action_id
WHERE t.computer_id = ? AND a.expires_at > ? ORDER BY a.id;
-- name: select_audit
SELECT id, at, actor, action, target, before_value, after_value, client_address FROM audit_log
WHERE action LIKE 'remediation%' AND at >= ? AND at < ? ORDER BY id DESC LIMIT ?;

-- name: insert_entry
INSERT INTO audit_log (at, actor, action, target, before_value, after_value, client_address) VALUES (?, ?, ?, ?, ?, ?, ?);
-- name: select_recent
SELECT id, at, actor, action, target, before_value, after_value, client_address FROM audit_log ORDER BY id DESC LIMIT ?;

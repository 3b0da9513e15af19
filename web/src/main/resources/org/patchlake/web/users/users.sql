-- name: insert_user
INSERT INTO users (name, display_name, password_hash, all_regions, disabled, time_zone, created_at, password_changed_at)
VALUES (?, ?, ?, ?, FALSE, ?, ?, ?);
-- name: insert_role
INSERT INTO user_roles (user_id, role) VALUES (?, ?);
-- name: insert_scope
INSERT INTO user_scopes (user_id, kind, scope_value) VALUES (?, ?, ?);
-- name: delete_roles
DELETE FROM user_roles WHERE user_id = ?;
-- name: delete_scopes
DELETE FROM user_scopes WHERE user_id = ?;
-- name: update_user
UPDATE users SET display_name = ?, all_regions = ?, disabled = ?, time_zone = ? WHERE id = ?;
-- name: update_password
UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?;
-- name: select_by_name
SELECT id, name, display_name, password_hash, all_regions, disabled, time_zone, created_at FROM users WHERE name = ?;
-- name: select_by_id
SELECT id, name, display_name, password_hash, all_regions, disabled, time_zone, created_at FROM users WHERE id = ?;
-- name: select_all
SELECT id, name, display_name, password_hash, all_regions, disabled, time_zone, created_at FROM users ORDER BY name;
-- name: select_roles
SELECT role FROM user_roles WHERE user_id = ?;
-- name: select_scopes
SELECT kind, scope_value FROM user_scopes WHERE user_id = ?;
-- name: count_users
SELECT COUNT(*) FROM users;

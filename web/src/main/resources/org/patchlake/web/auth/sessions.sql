-- name: insert_session
INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at, client_address) VALUES (?, ?, ?, ?, ?, ?);
-- name: select_session
SELECT user_id, csrf_token, expires_at FROM sessions WHERE id_hash = ?;
-- name: delete_session
DELETE FROM sessions WHERE id_hash = ?;
-- name: delete_user_sessions
DELETE FROM sessions WHERE user_id = ?;
-- name: delete_expired
DELETE FROM sessions WHERE expires_at < ?;

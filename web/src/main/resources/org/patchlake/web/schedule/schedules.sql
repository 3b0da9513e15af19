-- Schedules and their delivery log (ScheduleStore). Parameters always bound.

-- name: insert_schedule
INSERT INTO schedules (owner_user_id, report_id, parameters, format, recipients, cron, time_zone, subject, message, enabled,
                       created_at, updated_by, updated_at, next_run_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: update_definition
UPDATE schedules SET report_id = ?, parameters = ?, format = ?, recipients = ?, cron = ?, time_zone = ?, subject = ?, message = ?,
                     enabled = ?, updated_by = ?, updated_at = ?, next_run_at = ?, retry_at = ?, retry_attempt = ?
WHERE id = ?;

-- name: update_state
-- next_run_at and retry_at stay as an edit made during the run set them (updated_at differs from the run's copy).
UPDATE schedules SET next_run_at = CASE WHEN updated_at IS NOT DISTINCT FROM ? THEN ? ELSE next_run_at END,
                     retry_at = CASE WHEN updated_at IS NOT DISTINCT FROM ? THEN ? ELSE retry_at END,
                     retry_attempt = ?,
                     send_requested_at = CASE WHEN ? THEN NULL ELSE send_requested_at END,
                     last_run_at = ?, last_status = ?, consecutive_failures = ?, failing_since = ?
WHERE id = ?;

-- name: request_send
UPDATE schedules SET send_requested_at = ? WHERE id = ?;

-- name: delete_schedule
DELETE FROM schedules WHERE id = ?;

-- name: select_schedule
SELECT s.id, s.owner_user_id, u.name, s.report_id, s.parameters, s.format, s.recipients, s.cron, s.time_zone, s.subject, s.message,
       s.enabled, s.created_at, s.updated_by, s.updated_at, s.next_run_at, s.retry_at, s.retry_attempt, s.send_requested_at,
       s.last_run_at, s.last_status, s.consecutive_failures, s.failing_since
FROM schedules s JOIN users u ON u.id = s.owner_user_id
WHERE s.id = ?;

-- name: select_schedules
SELECT s.id, s.owner_user_id, u.name, s.report_id, s.parameters, s.format, s.recipients, s.cron, s.time_zone, s.subject, s.message,
       s.enabled, s.created_at, s.updated_by, s.updated_at, s.next_run_at, s.retry_at, s.retry_attempt, s.send_requested_at,
       s.last_run_at, s.last_status, s.consecutive_failures, s.failing_since
FROM schedules s JOIN users u ON u.id = s.owner_user_id
ORDER BY s.id;

-- name: select_due
SELECT s.id
FROM schedules s
WHERE (s.enabled AND (s.next_run_at <= ? OR s.retry_at <= ?)) OR s.send_requested_at <= ?
ORDER BY s.id;

-- name: select_next_due
SELECT MIN(t) FROM (
  SELECT next_run_at AS t FROM schedules WHERE enabled
  UNION ALL SELECT retry_at FROM schedules WHERE enabled
  UNION ALL SELECT send_requested_at FROM schedules
) due;

-- name: insert_delivery
INSERT INTO schedule_deliveries (schedule_id, run_trigger, due_at, attempt, started_at, finished_at, recipients, report_format,
                                 size_bytes, snapshot_id, data_as_of, outcome, smtp_response, error)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: select_deliveries
SELECT id, schedule_id, run_trigger, due_at, attempt, started_at, finished_at, recipients, report_format, size_bytes, snapshot_id,
       data_as_of, outcome, smtp_response, error
FROM schedule_deliveries
WHERE schedule_id = ?
ORDER BY id DESC
LIMIT ?;

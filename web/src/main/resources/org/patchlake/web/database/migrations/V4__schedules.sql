-- Scheduled reports (issue 10): the scheduler's state per schedule and the log of every delivery attempt.
-- next_run_at: the next cron time (UTC); a value in the past at start-up is a missed run, sent once.
-- retry_at / retry_attempt: a failed run waiting for its next retry, and how many attempts of it failed.
-- send_requested_at: "send now" was asked for and not yet handled.
ALTER TABLE schedules ADD COLUMN next_run_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE schedules ADD COLUMN retry_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE schedules ADD COLUMN retry_attempt INT NOT NULL DEFAULT 0;
ALTER TABLE schedules ADD COLUMN send_requested_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE schedules ADD COLUMN failing_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE schedules ADD COLUMN updated_by VARCHAR(100);
ALTER TABLE schedules ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX schedules_owner ON schedules(owner_user_id);
CREATE TABLE schedule_deliveries (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  schedule_id BIGINT NOT NULL REFERENCES schedules(id) ON DELETE CASCADE,
  run_trigger VARCHAR(20) NOT NULL,
  due_at TIMESTAMP WITH TIME ZONE NOT NULL,
  attempt INT NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at TIMESTAMP WITH TIME ZONE NOT NULL,
  recipients VARCHAR(4000) NOT NULL,
  report_format VARCHAR(10) NOT NULL,
  size_bytes BIGINT,
  snapshot_id VARCHAR(100),
  data_as_of TIMESTAMP WITH TIME ZONE,
  outcome VARCHAR(20) NOT NULL,
  smtp_response VARCHAR(2000),
  error VARCHAR(2000)
);
CREATE INDEX schedule_deliveries_schedule ON schedule_deliveries(schedule_id, id);

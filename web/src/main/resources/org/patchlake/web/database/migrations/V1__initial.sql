-- Patchlake operational store, version 1. All times UTC (TIMESTAMP WITH TIME ZONE).
CREATE TABLE users (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL UNIQUE,
  display_name VARCHAR(200) NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  all_regions BOOLEAN NOT NULL DEFAULT FALSE,
  disabled BOOLEAN NOT NULL DEFAULT FALSE,
  time_zone VARCHAR(64) NOT NULL DEFAULT 'UTC',
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role VARCHAR(40) NOT NULL,
  PRIMARY KEY (user_id, role)
);
CREATE TABLE user_scopes (
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind VARCHAR(10) NOT NULL,
  scope_value VARCHAR(200) NOT NULL,
  PRIMARY KEY (user_id, kind, scope_value)
);
CREATE TABLE sessions (
  id_hash VARCHAR(64) PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token VARCHAR(64) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  client_address VARCHAR(100)
);
CREATE TABLE custom_severities (
  bulletin_id VARCHAR(64) PRIMARY KEY,
  severity VARCHAR(20) NOT NULL,
  reason VARCHAR(2000) NOT NULL,
  set_by VARCHAR(100) NOT NULL,
  set_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE sla_policies (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(200) NOT NULL UNIQUE,
  severity VARCHAR(20) NOT NULL,
  computer_class VARCHAR(40),
  managed_level INT,
  clock_start VARCHAR(20) NOT NULL,
  phases VARCHAR(4000) NOT NULL,
  measured BOOLEAN NOT NULL DEFAULT TRUE,
  active BOOLEAN NOT NULL DEFAULT TRUE,
  updated_by VARCHAR(100) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE exceptions (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  computer_id VARCHAR(100) NOT NULL,
  bulletin_id VARCHAR(64) NOT NULL,
  owner VARCHAR(200) NOT NULL,
  reason VARCHAR(2000) NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  granted_by VARCHAR(100) NOT NULL,
  granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_by VARCHAR(100),
  revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX exceptions_computer_bulletin ON exceptions(computer_id, bulletin_id);
CREATE TABLE schedules (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  owner_user_id BIGINT NOT NULL REFERENCES users(id),
  report_id VARCHAR(60) NOT NULL,
  parameters VARCHAR(4000) NOT NULL,
  format VARCHAR(10) NOT NULL,
  recipients VARCHAR(4000) NOT NULL,
  cron VARCHAR(100) NOT NULL,
  time_zone VARCHAR(64) NOT NULL,
  subject VARCHAR(500) NOT NULL,
  message VARCHAR(4000) NOT NULL,
  enabled BOOLEAN NOT NULL DEFAULT TRUE,
  last_run_at TIMESTAMP WITH TIME ZONE,
  last_status VARCHAR(2000),
  consecutive_failures INT NOT NULL DEFAULT 0,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE remediation_policies (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  idempotency_key VARCHAR(100) NOT NULL UNIQUE,
  name VARCHAR(200) NOT NULL,
  definition CLOB NOT NULL,
  status VARCHAR(20) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE audit_log (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor VARCHAR(100) NOT NULL,
  action VARCHAR(100) NOT NULL,
  target VARCHAR(500) NOT NULL,
  before_value CLOB,
  after_value CLOB,
  client_address VARCHAR(100)
);
CREATE INDEX audit_log_at ON audit_log(at);

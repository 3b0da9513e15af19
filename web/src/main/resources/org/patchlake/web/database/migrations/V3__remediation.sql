-- Remediation (issue 9): policies get a revision and a parent (retry of), frozen targets per computer x update,
-- and one-off actions (rescan, restart) for computers.
ALTER TABLE remediation_policies ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
ALTER TABLE remediation_policies ADD COLUMN parent_policy_id BIGINT;
CREATE INDEX remediation_policies_status ON remediation_policies(status);
CREATE TABLE remediation_targets (
  policy_id BIGINT NOT NULL REFERENCES remediation_policies(id),
  computer_id VARCHAR(100) NOT NULL,
  hostname VARCHAR(255),
  region VARCHAR(100),
  site VARCHAR(100),
  ring INT NOT NULL,
  PRIMARY KEY (policy_id, computer_id)
);
CREATE INDEX remediation_targets_computer ON remediation_targets(computer_id);
CREATE TABLE remediation_target_updates (
  policy_id BIGINT NOT NULL,
  computer_id VARCHAR(100) NOT NULL,
  kb VARCHAR(20) NOT NULL,
  product VARCHAR(500) NOT NULL,
  required_kb VARCHAR(20) NOT NULL,
  bulletin_id VARCHAR(64),
  PRIMARY KEY (policy_id, computer_id, kb, product),
  FOREIGN KEY (policy_id, computer_id) REFERENCES remediation_targets(policy_id, computer_id)
);
CREATE TABLE remediation_actions (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  idempotency_key VARCHAR(100) NOT NULL UNIQUE,
  kind VARCHAR(20) NOT NULL,
  notice_minutes INT NOT NULL DEFAULT 0,
  notice_message VARCHAR(2000),
  source CLOB NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE remediation_action_targets (
  action_id BIGINT NOT NULL REFERENCES remediation_actions(id),
  computer_id VARCHAR(100) NOT NULL,
  region VARCHAR(100),
  site VARCHAR(100),
  PRIMARY KEY (action_id, computer_id)
);
CREATE INDEX remediation_action_targets_computer ON remediation_action_targets(computer_id);

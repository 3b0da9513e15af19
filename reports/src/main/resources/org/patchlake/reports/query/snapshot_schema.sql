-- The snapshot tables of the warehouse contract (team BRIEF "Snapshot tables"), as the query layer reads them.
-- Used for a table that a snapshot lacks or left empty (an empty table of this shape) and by the test fixture.
-- exceptions and policies columns are not fixed by the contract yet: these are the ones the queries use.
-- What to install (core's InstallPlanner, run by the ETL): computers.install_kbs are the KBs of the computer's install
-- plan, the update fixing most first; update_state.install_kb is the planned KB that fixes a REQUIRED or FAILED update
-- (null otherwise). Both are null in snapshots published before the ETL planned.
CREATE TABLE computers (computer_id VARCHAR, hostname VARCHAR, domain VARCHAR, region VARCHAR, site VARCHAR, ou VARCHAR,
  computer_class VARCHAR, managed_level INTEGER, os_product VARCHAR, os_name VARCHAR, os_version VARCHAR, os_build VARCHAR,
  architecture VARCHAR, agent_version VARCHAR, enrolled_at TIMESTAMP, last_inventory_at TIMESTAMP, last_boot_at TIMESTAMP,
  pending_reboot BOOLEAN, pending_reboot_since TIMESTAMP, reporting BOOLEAN, scan_error_count INTEGER, last_scan_error VARCHAR,
  os_unresolved_reason VARCHAR, install_kbs VARCHAR[]);
CREATE TABLE bulletins (bulletin_id VARCHAR, title VARCHAR, vendor_severity VARCHAR, impact VARCHAR, released DATE,
  revised DATE, cve_count INTEGER, exploited BOOLEAN, superseded BOOLEAN, update_count INTEGER);
CREATE TABLE updates (update_id VARCHAR, kb VARCHAR, bulletin_id VARCHAR, product VARCHAR, component VARCHAR,
  severity VARCHAR, impact VARCHAR, released DATE, exploited BOOLEAN, restart_behaviour VARCHAR, supersedes VARCHAR[]);
CREATE TABLE update_cves (kb VARCHAR, product VARCHAR, cve VARCHAR);
CREATE TABLE kev (cve VARCHAR, vendor_project VARCHAR, product VARCHAR, vulnerability_name VARCHAR, date_added DATE,
  due_date DATE, ransomware BOOLEAN, required_action VARCHAR);
CREATE TABLE epss (cve VARCHAR, epss FLOAT8, percentile FLOAT8);
CREATE TABLE update_supersedence (kb VARCHAR, product VARCHAR, superseded_by_kb VARCHAR);
CREATE TABLE products (product VARCHAR, update_count INTEGER);
CREATE TABLE update_state (computer_id VARCHAR, update_id VARCHAR, kb VARCHAR, bulletin_id VARCHAR, product VARCHAR,
  state VARCHAR, state_since TIMESTAMP, first_applicable_at TIMESTAMP, installed_at TIMESTAMP, installed_via_kb VARCHAR,
  failed_attempts INTEGER, region VARCHAR, site VARCHAR, computer_class VARCHAR, managed_level INTEGER, install_kb VARCHAR);
CREATE TABLE bulletin_state (computer_id VARCHAR, bulletin_id VARCHAR, state VARCHAR, first_applicable_at TIMESTAMP,
  compliant_at TIMESTAMP, region VARCHAR, site VARCHAR, computer_class VARCHAR, managed_level INTEGER);
CREATE TABLE update_state_history (computer_id VARCHAR, update_id VARCHAR, bulletin_id VARCHAR, state VARCHAR,
  valid_from TIMESTAMP, valid_to TIMESTAMP, region VARCHAR, site VARCHAR, computer_class VARCHAR, regression BOOLEAN);
CREATE TABLE deliveries (message_id VARCHAR, computer_id VARCHAR, policy_id VARCHAR, kb VARCHAR, update_id VARCHAR,
  attempt INTEGER, started_at TIMESTAMP, ended_at TIMESTAMP, return_code BIGINT, return_code_hex VARCHAR, outcome VARCHAR,
  meaning VARCHAR, region VARCHAR, site VARCHAR);
CREATE TABLE scans (message_id VARCHAR, computer_id VARCHAR, scanned_at TIMESTAMP, received_at TIMESTAMP,
  agent_version VARCHAR, duration_ms BIGINT, error_count INTEGER, errors VARCHAR, installed_kb_count INTEGER,
  pending_reboot BOOLEAN);
CREATE TABLE compliance_daily (day DATE, bulletin_id VARCHAR, region VARCHAR, site VARCHAR, computer_class VARCHAR,
  applicable BIGINT, installed BIGINT, pending_reboot BIGINT, required BIGINT, failed BIGINT, exempt BIGINT, unknown BIGINT);
CREATE TABLE exceptions (exception_id VARCHAR, computer_id VARCHAR, bulletin_id VARCHAR, owner VARCHAR, reason VARCHAR,
  created_at TIMESTAMP, expires_at TIMESTAMP, revoked BOOLEAN, active BOOLEAN, updated_at TIMESTAMP);
CREATE TABLE policies (policy_id VARCHAR, name VARCHAR, created_at TIMESTAMP);
CREATE TABLE quarantine (file VARCHAR, line BIGINT, reason VARCHAR, raw VARCHAR);
-- Windows Update's own verdict of each computer's latest inventory: the search (status COMPLETED or FAILED, and the
-- updates Patchlake requires that the listed ones cover by core's rules) and the updates it listed as missing.
CREATE TABLE windows_update_searches (computer_id VARCHAR, scanned_at TIMESTAMP, searched_at TIMESTAMP, source VARCHAR,
  status VARCHAR, error_code VARCHAR, error_message VARCHAR, covered_update_ids VARCHAR[], missing_count INTEGER,
  missing_security_count INTEGER, region VARCHAR, site VARCHAR, computer_class VARCHAR);
CREATE TABLE windows_update_missing (computer_id VARCHAR, scanned_at TIMESTAMP, searched_at TIMESTAMP, kb VARCHAR,
  title VARCHAR, update_id VARCHAR, classification VARCHAR, severity VARCHAR, region VARCHAR, site VARCHAR,
  computer_class VARCHAR);

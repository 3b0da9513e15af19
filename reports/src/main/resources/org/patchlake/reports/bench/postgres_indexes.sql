-- Indexes for the PostgreSQL side of `./patchlake bench queries`: what a conventional SQL-server-backed tool
-- would have for these report and drill-down queries.
ALTER TABLE computers ADD PRIMARY KEY (computer_id);
ALTER TABLE bulletins ADD PRIMARY KEY (bulletin_id);
ALTER TABLE updates ADD PRIMARY KEY (update_id);
CREATE INDEX ON computers (region, site);
CREATE INDEX ON computers (last_inventory_at);
CREATE INDEX ON computers (pending_reboot) WHERE pending_reboot;
CREATE INDEX ON updates (bulletin_id);
CREATE INDEX ON bulletin_state (bulletin_id, region, site);
CREATE INDEX ON bulletin_state (computer_id);
CREATE INDEX ON bulletin_state (region, site);
CREATE INDEX ON update_state (computer_id);
CREATE INDEX ON update_state (update_id);
CREATE INDEX ON update_state (state) WHERE state IN ('REQUIRED', 'FAILED', 'INSTALLED_PENDING_REBOOT');
CREATE INDEX ON update_state_history (computer_id, valid_from);
CREATE INDEX ON update_state_history (bulletin_id, valid_from);
CREATE INDEX ON deliveries (started_at);
CREATE INDEX ON deliveries (computer_id);
CREATE INDEX ON scans (computer_id, scanned_at);
CREATE INDEX ON compliance_daily (day);
CREATE INDEX ON compliance_daily (bulletin_id, day);
CREATE INDEX ON update_cves (kb, product);
CREATE INDEX ON update_supersedence (kb, product);
CREATE INDEX ON exceptions (computer_id);

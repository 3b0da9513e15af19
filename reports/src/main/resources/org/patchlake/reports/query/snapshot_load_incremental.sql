-- Incremental snapshot load (SnapshotLoader.loadIncrementally), run in a copy of the previous snapshot's database.
-- Given: changed_computers(computer_id), every computer whose rows may differ from that snapshot, and views
-- changed.<table> holding this snapshot's rows of those computers. Each per-computer table loses the changed
-- computers' rows and gets their new rows, inserted sorted by the table's key (as the full load sorts), so the
-- appended row groups keep narrow min/max zone maps. After these statements the loader re-runs every other
-- statement of snapshot_load.sql (small tables from the snapshot, summaries from these tables).
-- Statements are separated by a semicolon at the end of a line.
DELETE FROM computers WHERE computer_id IN (SELECT computer_id FROM changed_computers);
INSERT INTO computers BY NAME SELECT * FROM changed.computers ORDER BY computer_id;
DELETE FROM deliveries WHERE computer_id IN (SELECT computer_id FROM changed_computers);
INSERT INTO deliveries BY NAME SELECT * FROM changed.deliveries ORDER BY computer_id, started_at;
DELETE FROM scans WHERE computer_id IN (SELECT computer_id FROM changed_computers);
INSERT INTO scans BY NAME SELECT * FROM changed.scans ORDER BY computer_id, scanned_at;
DELETE FROM bulletin_state WHERE computer_id IN (SELECT computer_id FROM changed_computers);
INSERT INTO bulletin_state BY NAME SELECT * FROM changed.bulletin_state ORDER BY bulletin_id, computer_id;
DELETE FROM update_state WHERE computer_id IN (SELECT computer_id FROM changed_computers);
INSERT INTO update_state BY NAME SELECT * FROM changed.update_state ORDER BY computer_id, update_id;
CREATE TEMP TABLE changed_history AS SELECT * FROM changed.update_state_history;
DELETE FROM update_state_history WHERE computer_id IN (SELECT computer_id FROM changed_computers);
INSERT INTO update_state_history BY NAME SELECT * FROM changed_history ORDER BY computer_id, valid_from;
DELETE FROM update_state_history_by_bulletin WHERE computer_id IN (SELECT computer_id FROM changed_computers);
INSERT INTO update_state_history_by_bulletin
SELECT bulletin_id, computer_id, region, site, computer_class, state, valid_from, valid_to
FROM changed_history ORDER BY bulletin_id, computer_id;
DROP TABLE changed_history;
DELETE FROM windows_update_searches WHERE computer_id IN (SELECT computer_id FROM changed_computers);
INSERT INTO windows_update_searches BY NAME SELECT * FROM changed.windows_update_searches ORDER BY computer_id;
DELETE FROM windows_update_missing WHERE computer_id IN (SELECT computer_id FROM changed_computers);
INSERT INTO windows_update_missing BY NAME SELECT * FROM changed.windows_update_missing ORDER BY computer_id, kb;

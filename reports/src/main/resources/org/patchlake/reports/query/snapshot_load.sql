-- Loads one published snapshot into a DuckDB database of its own (native tables), once per snapshot. The
-- loader first exposes each table of the snapshot as a view src.<table> over its Parquet files (an empty
-- table of the contract shape when the snapshot lacks it), then runs these statements, then drops src.
-- Why native tables: compressed columnar storage read through DuckDB's buffer cache, with zone maps (min/max
-- per row group) that skip everything but one computer's or one bulletin's rows when the table is sorted by
-- that key; and summaries computed here once, so report queries read thousands of rows, not tens of millions.
-- Statements are separated by a semicolon at the end of a line.
CREATE TABLE computers AS SELECT * FROM src.computers ORDER BY computer_id;
CREATE TABLE bulletins AS SELECT * FROM src.bulletins ORDER BY bulletin_id;
CREATE TABLE updates AS SELECT * FROM src.updates ORDER BY update_id;
CREATE TABLE update_cves AS SELECT * FROM src.update_cves ORDER BY kb, product;
-- CISA's Known Exploited Vulnerabilities as imported (./patchlake catalog import-kev); empty when none was imported
CREATE TABLE kev AS SELECT * FROM src.kev ORDER BY cve;
-- known exploited = any CVE of the update (bulletin) is in KEV: the earliest KEV date added and due date of its CVEs,
-- whether any is known to be used in ransomware campaigns
CREATE TABLE update_kev AS
SELECT u.update_id, u.bulletin_id, count(DISTINCT k.cve) AS kev_cves, min(k.date_added) AS kev_date_added,
       min(k.due_date) AS kev_due_date, bool_or(k.ransomware) AS kev_ransomware
FROM updates u
JOIN update_cves c ON c.kb = u.kb AND c.product = u.product
JOIN kev k ON k.cve = c.cve
GROUP BY u.update_id, u.bulletin_id ORDER BY u.update_id;
CREATE TABLE bulletin_kev AS
SELECT u.bulletin_id, count(DISTINCT k.cve) AS kev_cves, min(k.date_added) AS kev_date_added,
       min(k.due_date) AS kev_due_date, bool_or(k.ransomware) AS kev_ransomware
FROM updates u
JOIN update_cves c ON c.kb = u.kb AND c.product = u.product
JOIN kev k ON k.cve = c.cve
GROUP BY u.bulletin_id ORDER BY u.bulletin_id;
-- FIRST EPSS scores if imported (./patchlake catalog import-epss): an update's score is its highest CVE's
CREATE TABLE epss AS SELECT * FROM src.epss ORDER BY cve;
CREATE TABLE update_epss AS
SELECT u.update_id, u.bulletin_id, max(e.epss) AS epss, max(e.percentile) AS epss_percentile
FROM updates u
JOIN update_cves c ON c.kb = u.kb AND c.product = u.product
JOIN epss e ON e.cve = c.cve
GROUP BY u.update_id, u.bulletin_id ORDER BY u.update_id;
CREATE TABLE bulletin_epss AS
SELECT bulletin_id, max(epss) AS epss, max(epss_percentile) AS epss_percentile
FROM update_epss GROUP BY bulletin_id ORDER BY bulletin_id;
CREATE TABLE update_supersedence AS SELECT * FROM src.update_supersedence ORDER BY kb, product;
CREATE TABLE products AS SELECT * FROM src.products;
CREATE TABLE exceptions AS SELECT * FROM src.exceptions;
CREATE TABLE policies AS SELECT * FROM src.policies;
CREATE TABLE quarantine AS SELECT * FROM src.quarantine;
CREATE TABLE deliveries AS SELECT * FROM src.deliveries ORDER BY computer_id, started_at;
CREATE TABLE scans AS SELECT * FROM src.scans ORDER BY computer_id, scanned_at;
-- by bulletin: drill-down to a bulletin's computers, SLA attainment, rollout curves read one bulletin's rows
CREATE TABLE bulletin_state AS SELECT * FROM src.bulletin_state ORDER BY bulletin_id, computer_id;
-- by computer: a computer's updates
CREATE TABLE update_state AS SELECT * FROM src.update_state ORDER BY computer_id, update_id;
-- by computer: a computer's install history
CREATE TABLE update_state_history AS SELECT * FROM src.update_state_history ORDER BY computer_id, valid_from;
-- the same history by bulletin, only the columns "one bulletin at an instant" reads
CREATE TABLE update_state_history_by_bulletin AS
SELECT bulletin_id, computer_id, region, site, computer_class, state, valid_from, valid_to
FROM update_state_history ORDER BY bulletin_id, computer_id;
CREATE TABLE compliance_daily AS SELECT * FROM src.compliance_daily ORDER BY day, bulletin_id;
-- by computer: Windows Update's verdict of a computer (report 13's drill-down)
CREATE TABLE windows_update_searches AS SELECT * FROM src.windows_update_searches ORDER BY computer_id;
CREATE TABLE windows_update_missing AS SELECT * FROM src.windows_update_missing ORDER BY computer_id, kb;
-- Summaries. Counts per bulletin / update x region x site x class x state (reports 1, 3, 9, 10).
CREATE TABLE bulletin_state_summary AS
SELECT bulletin_id, region, site, computer_class, state, count(*) AS computers
FROM bulletin_state GROUP BY bulletin_id, region, site, computer_class, state ORDER BY bulletin_id;
CREATE TABLE update_state_summary AS
SELECT update_id, bulletin_id, region, site, computer_class, state, count(*) AS computers
FROM update_state GROUP BY update_id, bulletin_id, region, site, computer_class, state ORDER BY update_id;
-- Bulletin-state counts per computer x vendor severity (report 2 with a severity filter) ...
CREATE TABLE computer_severity_counts AS
SELECT bs.computer_id, bs.region, bs.site, bs.computer_class, b.vendor_severity AS severity,
       count(*) AS applicable,
       count_if(bs.state = 'INSTALLED') AS installed,
       count_if(bs.state = 'INSTALLED_PENDING_REBOOT') AS pending_reboot,
       count_if(bs.state = 'REQUIRED') AS required,
       count_if(bs.state = 'FAILED') AS failed,
       count_if(bs.state = 'EXEMPT') AS exempt,
       count_if(bs.state = 'UNKNOWN') AS unknown
FROM bulletin_state bs
JOIN bulletins b ON b.bulletin_id = bs.bulletin_id
GROUP BY bs.computer_id, bs.region, bs.site, bs.computer_class, b.vendor_severity ORDER BY bs.computer_id;
-- What to install per computer x vendor severity (report 2 with a severity filter): each KB of the computer's install
-- plan, how many of its REQUIRED or FAILED updates of that severity installing it fixes, and its place in the plan.
CREATE TABLE computer_install_counts AS
SELECT us.computer_id, us.region, us.site, us.computer_class, b.vendor_severity AS severity, us.install_kb,
       array_position(c.install_kbs, us.install_kb) AS plan_position, count(*) AS fixes
FROM update_state us
JOIN bulletins b ON b.bulletin_id = us.bulletin_id
JOIN computers c ON c.computer_id = us.computer_id
WHERE us.state IN ('REQUIRED', 'FAILED') AND us.install_kb IS NOT NULL
GROUP BY us.computer_id, us.region, us.site, us.computer_class, b.vendor_severity, us.install_kb,
         array_position(c.install_kbs, us.install_kb)
ORDER BY us.computer_id;
-- ... and per computer (report 2 without one, one computer's counts), bulletins of every severity, with the
-- computer's attributes, so the most vulnerable computers are a top-N over one row per computer. (A computer's
-- bulletin_state rows carry its own region, site and class, so there is one row per computer.)
CREATE TABLE computer_counts AS
WITH counts AS (
  SELECT computer_id, region, site, computer_class,
         count(*) AS applicable,
         count_if(state = 'INSTALLED') AS installed,
         count_if(state = 'INSTALLED_PENDING_REBOOT') AS pending_reboot,
         count_if(state = 'REQUIRED') AS required,
         count_if(state = 'FAILED') AS failed,
         count_if(state = 'EXEMPT') AS exempt,
         count_if(state = 'UNKNOWN') AS unknown
  FROM bulletin_state
  GROUP BY computer_id, region, site, computer_class
)
SELECT k.computer_id, k.region, k.site, k.computer_class, c.hostname, c.managed_level, c.last_inventory_at,
       coalesce(c.pending_reboot, false) AS pending_reboot_flag,
       k.applicable, k.installed, k.pending_reboot, k.required, k.failed, k.exempt, k.unknown,
       k.pending_reboot + k.required + k.failed AS vulnerable, c.install_kbs
FROM counts k
JOIN computers c ON c.computer_id = k.computer_id
ORDER BY k.computer_id;
-- Updates installed and waiting for a restart, per computer (report 6).
CREATE TABLE computer_pending_reboot_updates AS
SELECT computer_id, count(*) AS updates_pending_reboot
FROM update_state WHERE state = 'INSTALLED_PENDING_REBOOT'
GROUP BY computer_id ORDER BY computer_id;
-- Vulnerable updates per computer x severity x exploit status (report 7).
CREATE TABLE vulnerable_update_counts AS
SELECT us.computer_id, us.region, us.site, us.computer_class, b.vendor_severity AS severity, b.exploited,
       count(*) AS vulnerable_updates,
       count_if(us.state = 'REQUIRED') AS required,
       count_if(us.state = 'FAILED') AS failed,
       count_if(us.state = 'INSTALLED_PENDING_REBOOT') AS pending_reboot
FROM update_state us
JOIN bulletins b ON b.bulletin_id = us.bulletin_id
WHERE us.state IN ('REQUIRED', 'FAILED', 'INSTALLED_PENDING_REBOOT')
GROUP BY us.computer_id, us.region, us.site, us.computer_class, b.vendor_severity, b.exploited ORDER BY us.computer_id;
-- compliance_daily without the bulletin dimension (trend charts of reports 1, 7 and 12).
CREATE TABLE compliance_daily_rollup AS
SELECT d.day, d.region, d.site, d.computer_class, b.vendor_severity AS severity, b.exploited,
       sum(d.applicable) AS applicable, sum(d.installed) AS installed, sum(d.pending_reboot) AS pending_reboot,
       sum(d.required) AS required, sum(d.failed) AS failed, sum(d.exempt) AS exempt, sum(d.unknown) AS unknown
FROM compliance_daily d
JOIN bulletins b ON b.bulletin_id = d.bulletin_id
GROUP BY d.day, d.region, d.site, d.computer_class, b.vendor_severity, b.exploited ORDER BY d.day;
-- Time to patch (report 4) at the snapshot's data-as-of time (snapshot_info, created by the loader before these
-- statements; queries are always judged at it). The clock of a computer x bulletin starts at the later of the
-- release date and its first applicable time; a computer patched before its clock started (it joined the fleet
-- with the update installed) was patched after 0 hours. Per bulletin x region x site x class: counts, computers patched
-- by then and the sum of their seconds to patch (mean = sum / patched) ...
CREATE TABLE time_to_patch_totals AS
SELECT bs.bulletin_id, bs.region, bs.site, bs.computer_class,
       count(*) AS applicable,
       count_if(bs.state = 'EXEMPT') AS exempt,
       count_if(bs.state = 'UNKNOWN') AS unknown,
       count_if(bs.compliant_at <= i.data_as_of) AS patched,
       sum(greatest(0, epoch(bs.compliant_at - greatest(bs.first_applicable_at, b.released::TIMESTAMP)))) FILTER (WHERE bs.compliant_at <= i.data_as_of) AS seconds_to_patch
FROM bulletin_state bs
JOIN bulletins b ON b.bulletin_id = bs.bulletin_id
CROSS JOIN snapshot_info i
GROUP BY bs.bulletin_id, bs.region, bs.site, bs.computer_class ORDER BY bs.bulletin_id;
-- ... and "patched within N days" for any whole N as day histograms of the measured computers (not exempt or
-- unknown): patched_by_day counts patched computers by days to patch rounded up (patched within N days <=> that
-- day <= N), patched_available / available count patched / all measured computers by whole days between their
-- clock start and data-as-of (their N-day window has ended <=> that day >= N). Then, exactly:
--   eligible_within(N) = sum(available | day >= N)
--   patched_within(N)  = sum(patched_by_day | day <= N) - sum(patched_available | day < N)
-- (a patched computer has time to patch <= time available, so those with less than N days available are all
-- among those patched within N days).
CREATE TABLE time_to_patch_days AS
WITH measured AS (
  SELECT bs.bulletin_id, bs.region, bs.site, bs.computer_class,
         bs.compliant_at <= i.data_as_of AS patched,
         greatest(0, epoch_us(bs.compliant_at) - epoch_us(greatest(bs.first_applicable_at, b.released::TIMESTAMP))) AS us_to_patch,
         epoch_us(i.data_as_of) - epoch_us(greatest(bs.first_applicable_at, b.released::TIMESTAMP)) AS us_available
  FROM bulletin_state bs
  JOIN bulletins b ON b.bulletin_id = bs.bulletin_id
  CROSS JOIN snapshot_info i
  WHERE bs.state NOT IN ('EXEMPT', 'UNKNOWN')
), days AS (
  SELECT bulletin_id, region, site, computer_class, ceil(us_to_patch / 86400000000.0)::BIGINT AS day,
         1 AS patched_by_day, 0 AS patched_available, 0 AS available
  FROM measured WHERE patched
  UNION ALL
  SELECT bulletin_id, region, site, computer_class, floor(us_available / 86400000000.0)::BIGINT AS day, 0, 1, 0
  FROM measured WHERE patched
  UNION ALL
  SELECT bulletin_id, region, site, computer_class, floor(us_available / 86400000000.0)::BIGINT AS day, 0, 0, 1
  FROM measured
)
SELECT bulletin_id, region, site, computer_class, day,
       sum(patched_by_day) AS patched_by_day, sum(patched_available) AS patched_available, sum(available) AS available
FROM days
GROUP BY bulletin_id, region, site, computer_class, day ORDER BY bulletin_id, day;
-- SLA phase attainment (report 4) judged at data-as-of, for regional (not site) scopes without class filters or
-- class-specific policies: per bulletin x region x managed level, the counts, computers compliant now and 72 hours
-- before data-as-of (the projection window's start) ...
CREATE TABLE sla_totals AS
SELECT bs.bulletin_id, bs.region, bs.managed_level,
       count(*) AS applicable,
       count_if(bs.state = 'EXEMPT') AS exempt,
       count_if(bs.state = 'UNKNOWN') AS unknown,
       count_if(bs.compliant_at <= i.data_as_of) AS compliant_now,
       count_if(bs.compliant_at <= i.data_as_of - to_hours(72)) AS compliant_72_hours_before
FROM bulletin_state bs
CROSS JOIN snapshot_info i
GROUP BY bs.bulletin_id, bs.region, bs.managed_level ORDER BY bs.bulletin_id;
-- ... and computers compliant per day since the clock start (release date, 00:00 UTC), rounded up, so
-- "compliant by a deadline N whole days after the clock start" = sum(compliant | day <= N), exactly.
CREATE TABLE sla_compliance_days AS
SELECT bs.bulletin_id, bs.region, bs.managed_level,
       ceil((epoch_us(bs.compliant_at) - epoch_us(b.released::TIMESTAMP)) / 86400000000.0)::BIGINT AS day,
       count(*) AS compliant
FROM bulletin_state bs
JOIN bulletins b ON b.bulletin_id = bs.bulletin_id
WHERE bs.compliant_at IS NOT NULL
GROUP BY bs.bulletin_id, bs.region, bs.managed_level, day ORDER BY bs.bulletin_id, day;
-- Exceptions with the computer's and the bulletin's attributes, by expiry (report 11 reads one table).
CREATE TABLE exception_rows AS
SELECT e.exception_id, e.computer_id, c.hostname, c.region, c.site, e.bulletin_id, b.title, b.vendor_severity AS severity,
       e.owner, e.reason, e.created_at, e.expires_at, coalesce(e.revoked, false) AS revoked
FROM exceptions e
JOIN computers c ON c.computer_id = e.computer_id
LEFT JOIN bulletins b ON b.bulletin_id = e.bulletin_id
ORDER BY e.expires_at, e.exception_id;
-- Computers per region x site x class (report 10's computer counts).
CREATE TABLE computer_group_counts AS
SELECT region, site, computer_class, count(*) AS computers
FROM computers
GROUP BY region, site, computer_class ORDER BY region, site, computer_class;
-- Detection agreement (report 13): per computer whose latest inventory carried a completed Windows Update search, every
-- security update that either side calls missing, with both verdicts. Patchlake calls an update missing when its state
-- is REQUIRED or FAILED for any of the KB's products (updates released after the search day are left out: Windows Update
-- could not list them); Windows Update calls a KB missing when it lists it as a security update. The two agree on an
-- update Patchlake requires when Windows Update lists it, or lists an update that covers it by core's rules (superseding
-- or a later cumulative package: Windows Update offers only the newest of a line; the ETL works that out with the state
-- rules, windows_update_searches.covered_update_ids). Windows Update's KBs Patchlake did not evaluate (UNKNOWN or EXEMPT, or in the
-- catalog only for products the computer does not have) are not compared; a KB the catalog lacks, or one Patchlake
-- found not applicable on a product it evaluated, is a difference.
CREATE TABLE detection_agreement_kbs AS
WITH searches AS (
  SELECT computer_id, searched_at, CAST(searched_at AS DATE) AS searched_day, region, site, computer_class
  FROM windows_update_searches WHERE status = 'COMPLETED'
), listed AS (
  SELECT m.computer_id, m.kb, min(m.title) AS title, max(m.severity) AS severity
  FROM windows_update_missing m JOIN searches s ON s.computer_id = m.computer_id
  WHERE m.kb IS NOT NULL AND lower(m.classification) = 'security updates'
  GROUP BY m.computer_id, m.kb
), states AS (
  SELECT us.computer_id, us.kb, us.product, us.state
  FROM update_state us
  JOIN searches s ON s.computer_id = us.computer_id
  JOIN updates u ON u.update_id = us.update_id
  WHERE NOT (us.state IN ('REQUIRED', 'FAILED') AND u.released > s.searched_day)
), patchlake AS (
  SELECT computer_id, kb,
         CASE WHEN bool_or(state = 'FAILED') THEN 'FAILED' WHEN bool_or(state = 'REQUIRED') THEN 'REQUIRED'
              WHEN bool_or(state = 'INSTALLED_PENDING_REBOOT') THEN 'INSTALLED_PENDING_REBOOT'
              WHEN bool_or(state = 'INSTALLED') THEN 'INSTALLED' WHEN bool_or(state = 'EXEMPT') THEN 'EXEMPT'
              ELSE 'UNKNOWN' END AS state
  FROM states GROUP BY computer_id, kb
), covered AS (
  SELECT DISTINCT c.computer_id, u.kb
  FROM (SELECT s.computer_id, unnest(s.covered_update_ids) AS update_id FROM windows_update_searches s
        WHERE s.status = 'COMPLETED') c
  JOIN updates u ON u.update_id = c.update_id
), evaluated_products AS (
  SELECT DISTINCT computer_id, product FROM states
), unplaced AS (
  SELECT l.computer_id, l.kb,
         CASE WHEN NOT EXISTS (SELECT 1 FROM updates u WHERE u.kb = l.kb) THEN 'NOT_IN_CATALOG'
              WHEN EXISTS (SELECT 1 FROM updates u JOIN evaluated_products e ON e.product = u.product
                           WHERE u.kb = l.kb AND e.computer_id = l.computer_id) THEN 'NOT_APPLICABLE'
              ELSE NULL END AS state
  FROM listed l
  WHERE NOT EXISTS (SELECT 1 FROM patchlake p WHERE p.computer_id = l.computer_id AND p.kb = l.kb)
), compared AS (
  SELECT l.computer_id, l.kb, true AS windows_update_lists, false AS covered, coalesce(p.state, x.state) AS patchlake_state,
         l.title AS windows_update_title, l.severity AS windows_update_severity
  FROM listed l
  LEFT JOIN patchlake p ON p.computer_id = l.computer_id AND p.kb = l.kb
  LEFT JOIN unplaced x ON x.computer_id = l.computer_id AND x.kb = l.kb
  UNION ALL
  SELECT p.computer_id, p.kb, false, c.kb IS NOT NULL, p.state, CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR)
  FROM patchlake p
  LEFT JOIN covered c ON c.computer_id = p.computer_id AND c.kb = p.kb
  WHERE p.state IN ('REQUIRED', 'FAILED')
    AND NOT EXISTS (SELECT 1 FROM listed l WHERE l.computer_id = p.computer_id AND l.kb = p.kb)
)
SELECT k.computer_id, s.region, s.site, s.computer_class, s.searched_at, k.kb,
       coalesce(k.windows_update_title, b.title) AS title, coalesce(b.vendor_severity, k.windows_update_severity) AS severity,
       CASE WHEN k.windows_update_lists THEN 'MISSING' WHEN k.covered THEN 'COVERED' ELSE 'NOT_LISTED' END AS windows_update,
       k.patchlake_state AS patchlake,
       CASE WHEN k.patchlake_state IN ('REQUIRED', 'FAILED') AND (k.windows_update_lists OR k.covered) THEN 'BOTH'
            WHEN k.patchlake_state IN ('REQUIRED', 'FAILED') THEN 'PATCHLAKE_ONLY'
            ELSE 'WINDOWS_UPDATE_ONLY' END AS agreement
FROM compared k
JOIN searches s ON s.computer_id = k.computer_id
LEFT JOIN (SELECT kb, min(bulletin_id) AS bulletin_id FROM updates GROUP BY kb) ub ON ub.kb = k.kb
LEFT JOIN bulletins b ON b.bulletin_id = ub.bulletin_id
WHERE k.patchlake_state IN ('REQUIRED', 'FAILED', 'INSTALLED', 'INSTALLED_PENDING_REBOOT', 'NOT_IN_CATALOG', 'NOT_APPLICABLE')
ORDER BY k.computer_id, k.kb;
-- ... and per computer with a Windows Update search, the counts report 13 lists (largest disagreements first).
CREATE TABLE detection_agreement_computers AS
SELECT s.computer_id, s.region, s.site, s.computer_class, c.hostname, s.status, s.searched_at, s.error_code,
       count_if(k.agreement = 'BOTH') AS both_missing,
       count_if(k.agreement = 'WINDOWS_UPDATE_ONLY') AS windows_update_only,
       count_if(k.agreement = 'PATCHLAKE_ONLY') AS patchlake_only
FROM windows_update_searches s
JOIN computers c ON c.computer_id = s.computer_id
LEFT JOIN detection_agreement_kbs k ON k.computer_id = s.computer_id
GROUP BY s.computer_id, s.region, s.site, s.computer_class, c.hostname, s.status, s.searched_at, s.error_code
ORDER BY s.computer_id;

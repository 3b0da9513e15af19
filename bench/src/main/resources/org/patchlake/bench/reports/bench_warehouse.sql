-- Synthetic warehouse for `./patchlake bench queries` (shapes per the warehouse contract, sizes in reports/README.md).
-- Variables set by QueryBenchWarehouse: computers (count), as_of (TIMESTAMP). Deterministic (hash-based).
CREATE TABLE products AS
SELECT i AS product_no, name AS product, 0 AS update_count FROM (SELECT unnest([
  'Windows 10 Version 21H2 for x64-based Systems', 'Windows 10 Version 22H2 for x64-based Systems',
  'Windows 10 Version 22H2 for 32-bit Systems', 'Windows 11 Version 22H2 for x64-based Systems',
  'Windows 11 Version 23H2 for x64-based Systems', 'Windows 11 Version 24H2 for x64-based Systems',
  'Windows 11 Version 23H2 for ARM64-based Systems', 'Windows 11 Version 24H2 for ARM64-based Systems',
  'Microsoft Office LTSC 2021 for 64-bit editions', 'Microsoft Office LTSC 2024 for 64-bit editions',
  'Microsoft 365 Apps for Enterprise for 64-bit Systems', 'Microsoft .NET Framework 4.8.1 on Windows 11',
  'Microsoft .NET Framework 4.8 on Windows 10', 'Microsoft Edge (Chromium-based)', 'Microsoft Teams',
  'Windows 10 Version 1809 for x64-based Systems', 'Windows Server 2016', 'Windows Server 2019',
  'Windows Server 2022', 'Windows Server 2025']) AS name, unnest(range(20)) AS i);

CREATE TABLE computers AS
WITH base AS (
  SELECT i, hash(i) AS h1, hash(i * 7 + 1) AS h2, hash(i * 13 + 5) AS h3 FROM range(getvariable('computers')) t(i)
)
SELECT 'c-' || lpad(i::VARCHAR, 7, '0') AS computer_id,
       'host-' || lpad(i::VARCHAR, 7, '0') AS hostname, 'corp.example' AS domain,
       ['EMEA', 'NA', 'LATAM', 'APAC', 'ANZ'][1 + (i % 5)::INTEGER] AS region,
       ['EMEA', 'NA', 'LATAM', 'APAC', 'ANZ'][1 + (i % 5)::INTEGER] || '-site-' || (1 + (i // 5) % 5) AS site,
       'OU=Computers' AS ou,
       CASE WHEN h1 % 100 < 55 THEN 'workstation' WHEN h1 % 100 < 85 THEN 'notebook'
            WHEN h1 % 100 < 97 THEN 'server' ELSE 'business_critical_server' END AS computer_class,
       (1 + h2 % 4)::INTEGER AS managed_level,
       CASE WHEN h1 % 100 >= 85 THEN 16 + (h3 % 4) ELSE h3 % 16 END::INTEGER AS product_no,
       'Windows' AS os_product, 'Windows' AS os_name, '10.0' AS os_version, (19045 + h2 % 3000)::VARCHAR AS os_build,
       'x64' AS architecture,
       CASE WHEN h2 % 100 < 2 THEN NULL ELSE ['1.2.0', '1.3.0', '1.3.1', '1.4.0'][1 + (h3 % 4)::INTEGER] END AS agent_version,
       getvariable('as_of') - INTERVAL 700 DAY + to_hours((h1 % 2000)::BIGINT) AS enrolled_at,
       CASE WHEN h2 % 100 < 2 THEN NULL
            WHEN h3 % 100 < 3 THEN getvariable('as_of') - to_days((15 + h1 % 30)::INTEGER)
            ELSE getvariable('as_of') - to_minutes((h1 % 360)::BIGINT) END AS last_inventory_at,
       getvariable('as_of') - to_hours((h3 % 720)::BIGINT) AS last_boot_at,
       (h1 % 100) < 6 AS pending_reboot,
       CASE WHEN (h1 % 100) < 6 THEN getvariable('as_of') - to_hours((h2 % 300)::BIGINT) END AS pending_reboot_since,
       NOT (h2 % 100 < 2 OR h3 % 100 < 3) AS reporting,
       CASE WHEN h3 % 100 >= 98 THEN (1 + h1 % 3)::INTEGER ELSE 0 END AS scan_error_count,
       CASE WHEN h3 % 100 >= 98 THEN '0x8024402C' END AS last_scan_error
FROM base;

CREATE TABLE bulletins AS
WITH base AS (SELECT j, hash(j * 31 + 3) AS h FROM range(1000) t(j))
SELECT 'KB' || (5030000 + j) AS bulletin_id, 'Security update for Windows (' || (5030000 + j) || ')' AS title,
       CASE WHEN h % 100 < 30 THEN 'Critical' WHEN h % 100 < 85 THEN 'Important' WHEN h % 100 < 95 THEN 'Moderate' ELSE 'Low' END AS vendor_severity,
       CASE WHEN h % 3 = 0 THEN 'Remote Code Execution' WHEN h % 3 = 1 THEN 'Elevation of Privilege' ELSE 'Information Disclosure' END AS impact,
       (getvariable('as_of')::DATE - 730 + (j * 730 // 1000)::INTEGER) AS released,
       NULL::DATE AS revised, (1 + h % 5)::INTEGER AS cve_count, h % 10 = 0 AS exploited,
       ((getvariable('as_of')::DATE - 730 + (j * 730 // 1000)::INTEGER) < getvariable('as_of')::DATE - 120 AND h % 10 < 7) AS superseded,
       0 AS update_count
FROM base;

CREATE TABLE bulletin_products AS
SELECT b.bulletin_id, b.released, b.vendor_severity, (hash(b.bulletin_id) % 20)::INTEGER AS product_no FROM bulletins b
UNION ALL
SELECT b.bulletin_id, b.released, b.vendor_severity, ((hash(b.bulletin_id) % 20 + 1 + hash(b.bulletin_id || 'x') % 19) % 20)::INTEGER
FROM bulletins b WHERE hash(b.bulletin_id || 'y') % 100 < 20;

CREATE TABLE updates AS
SELECT bp.bulletin_id || '|' || p.product AS update_id, bp.bulletin_id AS kb, bp.bulletin_id, p.product, '' AS component,
       b.vendor_severity AS severity, b.impact, b.released, b.exploited,
       CASE WHEN bp.product_no >= 16 THEN 'always' ELSE 'may_require' END AS restart_behaviour, CAST([] AS VARCHAR[]) AS supersedes
FROM bulletin_products bp JOIN products p USING (product_no) JOIN bulletins b USING (bulletin_id);

-- computer x applicable bulletin: patched after an exponential delay (mean by class), some failed, exempt, unknown
CREATE TABLE pairs AS
SELECT c.computer_id, c.region, c.site, c.computer_class, c.managed_level, c.reporting, c.pending_reboot,
       bp.bulletin_id, p.product, bp.product_no,
       greatest(bp.released::TIMESTAMP, c.enrolled_at) AS first_applicable_at,
       hash(c.computer_id || bp.bulletin_id) % 10000 / 10000.0 AS u1,
       hash(bp.bulletin_id || c.computer_id) % 10000 / 10000.0 AS u2,
       CASE c.computer_class WHEN 'workstation' THEN 120 WHEN 'notebook' THEN 200 WHEN 'server' THEN 300 ELSE 150 END AS mean_hours
FROM computers c JOIN bulletin_products bp ON bp.product_no = c.product_no JOIN products p ON p.product_no = bp.product_no;

CREATE TABLE bulletin_state AS
WITH timed AS (
  SELECT *, first_applicable_at + to_seconds((-ln(1 - least(u1, 0.9999)) * mean_hours * 3600)::BIGINT) AS patched_at FROM pairs
)
SELECT computer_id, bulletin_id,
       CASE WHEN NOT reporting THEN 'UNKNOWN' WHEN u2 < 0.003 THEN 'EXEMPT'
            WHEN patched_at <= getvariable('as_of') AND pending_reboot AND patched_at > getvariable('as_of') - INTERVAL 5 DAY THEN 'INSTALLED_PENDING_REBOOT'
            WHEN patched_at <= getvariable('as_of') THEN 'INSTALLED'
            WHEN u2 > 0.95 THEN 'FAILED' ELSE 'REQUIRED' END AS state,
       first_applicable_at,
       CASE WHEN reporting AND u2 >= 0.003 AND patched_at <= getvariable('as_of') AND NOT (pending_reboot AND patched_at > getvariable('as_of') - INTERVAL 5 DAY)
            THEN patched_at END AS compliant_at,
       region, site, computer_class, managed_level, product, patched_at
FROM timed
ORDER BY computer_id, bulletin_id;

CREATE TABLE update_state AS
SELECT computer_id, bulletin_id || '|' || product AS update_id, bulletin_id AS kb, bulletin_id, product, state,
       coalesce(CASE WHEN state IN ('INSTALLED', 'INSTALLED_PENDING_REBOOT') THEN patched_at END, first_applicable_at) AS state_since,
       first_applicable_at,
       CASE WHEN state IN ('INSTALLED', 'INSTALLED_PENDING_REBOOT') THEN patched_at END AS installed_at,
       NULL::VARCHAR AS installed_via_kb, CASE WHEN state = 'FAILED' THEN 3 ELSE 0 END AS failed_attempts,
       region, site, computer_class, managed_level
FROM bulletin_state
ORDER BY computer_id, update_id;

CREATE TABLE update_state_history AS
SELECT computer_id, update_id, bulletin_id, 'REQUIRED' AS state, first_applicable_at AS valid_from,
       CASE WHEN state = 'REQUIRED' THEN NULL WHEN state IN ('INSTALLED', 'INSTALLED_PENDING_REBOOT') THEN installed_at ELSE state_since END AS valid_to,
       region, site, computer_class, false AS regression
FROM update_state WHERE state NOT IN ('UNKNOWN')
UNION ALL
SELECT computer_id, update_id, bulletin_id, state, state_since, NULL, region, site, computer_class, false
FROM update_state WHERE state <> 'REQUIRED' AND (state <> 'EXEMPT' OR state_since > first_applicable_at);

-- compliance_daily: for every day since release, per bulletin x site x class, counts from the same rollout model
CREATE TABLE groups AS
SELECT bulletin_id, region, site, computer_class, count(*) AS applicable,
       count_if(state = 'EXEMPT') AS exempt, count_if(state = 'UNKNOWN') AS unknown,
       avg(CASE computer_class WHEN 'workstation' THEN 120 WHEN 'notebook' THEN 200 WHEN 'server' THEN 300 ELSE 150 END) AS mean_hours,
       min(first_applicable_at) AS start_at
FROM bulletin_state GROUP BY ALL;

CREATE TABLE compliance_daily AS
WITH days AS (
  SELECT g.*, d::DATE AS day, epoch(d + INTERVAL 1 DAY - g.start_at) / 3600.0 AS hours
  FROM groups g, generate_series(g.start_at::DATE::TIMESTAMP, getvariable('as_of')::DATE::TIMESTAMP, INTERVAL 1 DAY) s(d)
), counted AS (
  SELECT day, bulletin_id, region, site, computer_class, applicable, exempt, unknown,
         floor((applicable - exempt - unknown) * (1 - exp(-greatest(hours, 0) / mean_hours)))::BIGINT AS patched
  FROM days
)
SELECT day, bulletin_id, region, site, computer_class, applicable,
       patched - patched // 50 AS installed, patched // 50 AS pending_reboot,
       (applicable - exempt - unknown - patched) - (applicable - exempt - unknown - patched) // 20 AS required,
       (applicable - exempt - unknown - patched) // 20 AS failed, exempt, unknown
FROM counted
ORDER BY day;

CREATE TABLE policies AS
SELECT 'P-' || lpad(k::VARCHAR, 3, '0') AS policy_id, 'Remediation ' || k AS name,
       getvariable('as_of') - to_days((90 - k * 2)::INTEGER) AS created_at
FROM range(40) t(k);

CREATE TABLE deliveries AS
WITH targets AS (
  SELECT us.computer_id, us.update_id, us.kb, us.region, us.site,
         'P-' || lpad((hash(us.bulletin_id) % 40)::VARCHAR, 3, '0') AS policy_id,
         hash(us.computer_id || us.update_id || 'd') AS h
  FROM update_state us JOIN bulletins b USING (bulletin_id)
  WHERE b.released >= getvariable('as_of')::DATE - 120 AND hash(us.computer_id || us.update_id) % 20 = 0
), attempts AS (
  SELECT t.*, a AS attempt FROM targets t, range(1, 1 + (1 + h % 3)::INTEGER) r(a)
)
SELECT 'm-' || md5(computer_id || update_id || attempt) AS message_id, computer_id, policy_id, kb, update_id, attempt::INTEGER AS attempt,
       getvariable('as_of') - to_hours((h % 2000 + 0)::BIGINT) + to_hours(attempt * 24) AS started_at,
       getvariable('as_of') - to_hours((h % 2000)::BIGINT) + to_hours(attempt * 24) + INTERVAL 20 MINUTE AS ended_at,
       [0, 0, 0, 0, 0, 0, 0, 3010, 3010, 1603, -2145124329, -2145107924, -2147024891, 0][1 + ((h >> 8) % 14)::INTEGER]::BIGINT AS return_code,
       NULL::VARCHAR AS return_code_hex,
       CASE WHEN [0, 0, 0, 0, 0, 0, 0, 3010, 3010, 1603, -2145124329, -2145107924, -2147024891, 0][1 + ((h >> 8) % 14)::INTEGER] = 0 THEN 'succeeded'
            WHEN [0, 0, 0, 0, 0, 0, 0, 3010, 3010, 1603, -2145124329, -2145107924, -2147024891, 0][1 + ((h >> 8) % 14)::INTEGER] = 3010 THEN 'succeeded_reboot_required'
            WHEN h % 7 = 0 THEN 'failed' ELSE 'failed_will_retry' END AS outcome,
       NULL::VARCHAR AS meaning, region, site
FROM attempts;

CREATE TABLE scans AS
SELECT 'scan-' || c.computer_id || '-' || d AS message_id, c.computer_id,
       c.last_inventory_at - to_days(d::INTEGER) AS scanned_at, c.last_inventory_at - to_days(d::INTEGER) + INTERVAL 1 MINUTE AS received_at,
       c.agent_version, (3000 + hash(c.computer_id) % 20000)::BIGINT AS duration_ms, c.scan_error_count AS error_count,
       c.last_scan_error AS errors, 120 AS installed_kb_count, c.pending_reboot
FROM computers c, range(7) t(d)
WHERE c.last_inventory_at IS NOT NULL;

CREATE TABLE exceptions AS
SELECT 'x-' || row_number() OVER (ORDER BY computer_id, bulletin_id) AS exception_id, computer_id, bulletin_id,
       'owner-' || (hash(computer_id) % 20) AS owner, 'business justification' AS reason,
       first_applicable_at AS created_at, getvariable('as_of') + to_days((hash(computer_id || bulletin_id) % 120)::INTEGER - 30) AS expires_at,
       false AS revoked, NULL::BOOLEAN AS active, first_applicable_at AS updated_at
FROM bulletin_state WHERE state = 'EXEMPT';

CREATE TABLE update_cves AS
SELECT u.kb, u.product, 'CVE-' || year(u.released) || '-' || lpad((hash(u.kb) % 50000 + c)::VARCHAR, 5, '0') AS cve
FROM updates u, range(1, 1 + (1 + hash(u.update_id) % 3)::INTEGER) t(c);

CREATE TABLE update_supersedence AS
SELECT u.kb, u.product, later.kb AS superseded_by_kb
FROM updates u JOIN bulletins b ON b.bulletin_id = u.bulletin_id AND b.superseded
JOIN LATERAL (SELECT u2.kb FROM updates u2 WHERE u2.product = u.product AND u2.released > u.released ORDER BY u2.released LIMIT 1) later ON true;

CREATE TABLE quarantine (file VARCHAR, line BIGINT, reason VARCHAR, raw VARCHAR);

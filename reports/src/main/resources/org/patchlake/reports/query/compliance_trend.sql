-- Compliance trend: all bulletins in scope and filter, per day between :from_day and :to_day, from
-- compliance_daily_rollup (compliance_daily summed over bulletins per severity and exploit status, snapshot load).
SELECT d.day,
       sum(d.applicable) AS applicable, sum(d.installed) AS installed, sum(d.pending_reboot) AS pending_reboot,
       sum(d.required) AS required, sum(d.failed) AS failed, sum(d.exempt) AS exempt, sum(d.unknown) AS unknown
FROM compliance_daily_rollup d
WHERE d.day BETWEEN :from_day::DATE AND :to_day::DATE
  AND /*@scope(region = d.region, site = d.site)*/
    /*@filter(region = d.region, site = d.site, class = d.computer_class, severity = d.severity)*/
GROUP BY d.day
ORDER BY d.day

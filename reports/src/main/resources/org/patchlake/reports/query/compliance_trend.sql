-- Compliance trend: all bulletins in scope and filter, per day between :from_day and :to_day, from
-- compliance_daily_rollup (compliance_daily summed over bulletins per severity and exploit status, snapshot load).
SELECT d.day,
       sum(d.applicable) AS applicable, sum(d.installed) AS installed, sum(d.pending_reboot) AS pending_reboot,
       sum(d.required) AS required, sum(d.failed) AS failed, sum(d.exempt) AS exempt, sum(d.unknown) AS unknown
FROM compliance_daily_rollup d
WHERE d.day BETWEEN :from_day::DATE AND :to_day::DATE
  AND (:scope_all OR list_contains(:scope_regions::VARCHAR[], d.region) OR list_contains(:scope_sites::VARCHAR[], d.site))
  AND (len(:regions::VARCHAR[]) = 0 OR list_contains(:regions::VARCHAR[], d.region))
  AND (len(:sites::VARCHAR[]) = 0 OR list_contains(:sites::VARCHAR[], d.site))
  AND (len(:classes::VARCHAR[]) = 0 OR list_contains(:classes::VARCHAR[], d.computer_class))
  AND (len(:severities::VARCHAR[]) = 0 OR list_contains(:severities::VARCHAR[], d.severity))
GROUP BY d.day
ORDER BY d.day

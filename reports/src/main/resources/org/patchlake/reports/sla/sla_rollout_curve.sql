-- Rollout curve of one bulletin from the summaries (sla_totals, sla_compliance_days): computers compliant at each
-- point (hours since the release date, 00:00 UTC; whole days, so "compliant by the point" = compliant per day
-- rounded up, summed up to it) over the measured computers. Points after :as_of are left out. The same numbers
-- as sla_rollout_curve_states.sql when SlaQueries uses it: points of whole days, no site scope, no site or class
-- filter. No rows when the bulletin has no computer in scope.
WITH points AS (SELECT unnest(:hours::BIGINT[]) AS hours),
bulletin AS (SELECT released::TIMESTAMP AS clock_start FROM bulletins WHERE bulletin_id = :bulletin_id),
totals AS (
  SELECT sum(s.applicable) AS applicable, sum(s.exempt) AS exempt, sum(s.unknown) AS unknown
  FROM sla_totals s
  WHERE s.bulletin_id = :bulletin_id
    AND /*@region_scope(region = s.region)*/
      /*@filter(region = s.region)*/
), by_day AS (
  SELECT d.day, sum(d.compliant) AS compliant
  FROM sla_compliance_days d
  WHERE d.bulletin_id = :bulletin_id
    AND /*@region_scope(region = d.region)*/
      /*@filter(region = d.region)*/
  GROUP BY d.day
)
SELECT p.hours, t.applicable, t.exempt, t.unknown, coalesce(sum(d.compliant), 0) AS compliant
FROM points p
CROSS JOIN bulletin b
CROSS JOIN totals t
LEFT JOIN by_day d ON d.day * 24 <= p.hours
WHERE b.clock_start + to_hours(p.hours) <= :as_of::TIMESTAMP
  AND t.applicable IS NOT NULL
GROUP BY p.hours, t.applicable, t.exempt, t.unknown
ORDER BY p.hours

-- SLA phase attainment from the summaries of snapshot_load.sql (sla_totals, sla_compliance_days): the same
-- numbers as sla_attainment_states.sql, used when they are exact (SlaQueries decides): judged at the snapshot's
-- data-as-of time with the 72-hour projection window, every deadline a whole number of days after the clock
-- start, no site in the scope, no site or class filter, no class-specific policy. For each target (bulletin x
-- policy x phase) the computers measured and how many were compliant at the deadline (:deadline_days after the
-- clock start), now, and at the start of the projection window (:window_days after the clock start when the
-- window starts there, else -1: 72 hours before data-as-of). Per region and over all regions (region NULL).
WITH targets AS (
  SELECT unnest(:bulletin_ids::VARCHAR[]) AS bulletin_id,
         unnest(:target_indexes::BIGINT[]) AS target_index,
         unnest(:deadline_days::BIGINT[]) AS deadline_day,
         unnest(:window_days::BIGINT[]) AS window_day,
         unnest(:level_selectors::BIGINT[]) AS level_selector
), totals AS (
  SELECT t.target_index, s.region,
         sum(s.applicable) AS applicable, sum(s.exempt) AS exempt, sum(s.unknown) AS unknown,
         sum(s.compliant_now) AS compliant_now, sum(s.compliant_72_hours_before) AS compliant_72_hours_before
  FROM targets t
  JOIN sla_totals s ON s.bulletin_id = t.bulletin_id
  WHERE (t.level_selector = 0 OR s.managed_level = t.level_selector)
    AND /*@region_scope(region = s.region)*/
      /*@filter(region = s.region)*/
  GROUP BY GROUPING SETS ((t.target_index, s.region), (t.target_index))
), by_day AS (
  SELECT t.target_index, d.region,
         sum(d.compliant) FILTER (WHERE d.day <= t.deadline_day) AS compliant_at_deadline,
         sum(d.compliant) FILTER (WHERE d.day <= t.window_day) AS compliant_at_window_day
  FROM targets t
  JOIN sla_compliance_days d ON d.bulletin_id = t.bulletin_id
  WHERE (t.level_selector = 0 OR d.managed_level = t.level_selector)
    AND d.day <= greatest(t.deadline_day, t.window_day)
    AND /*@region_scope(region = d.region)*/
      /*@filter(region = d.region)*/
  GROUP BY GROUPING SETS ((t.target_index, d.region), (t.target_index))
)
SELECT o.target_index, o.region, o.applicable, o.exempt, o.unknown,
       coalesce(d.compliant_at_deadline, 0) AS compliant_at_deadline,
       o.compliant_now,
       CASE WHEN t.window_day < 0 THEN o.compliant_72_hours_before ELSE coalesce(d.compliant_at_window_day, 0) END AS compliant_at_window_start
FROM totals o
JOIN (SELECT DISTINCT target_index, window_day FROM targets) t ON t.target_index = o.target_index
LEFT JOIN by_day d ON d.target_index = o.target_index AND d.region IS NOT DISTINCT FROM o.region
ORDER BY o.target_index, o.region NULLS FIRST

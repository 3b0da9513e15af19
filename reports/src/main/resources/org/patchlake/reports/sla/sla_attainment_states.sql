-- Reference definition (tests check the summaries against it): the same numbers from every computer x bulletin state.
-- SLA phase attainment: for each target (bulletin x policy x phase, deadline computed in Java with business
-- days), the computers measured (policy's class / managed level, scope, filters) and how many were compliant at
-- the deadline, now (:as_of) and at the start of the projection window. Per region and over all regions
-- (region NULL). The target arrays are zipped by unnest.
WITH target_input AS (
  SELECT unnest(:bulletin_ids::VARCHAR[]) AS bulletin_id,
         unnest(:target_indexes::BIGINT[]) AS target_index,
         unnest(:deadlines::BIGINT[]) AS deadline_micros,
         unnest(:window_starts::BIGINT[]) AS window_start_micros,
         unnest(:class_selectors::VARCHAR[]) AS class_selector,
         unnest(:level_selectors::BIGINT[]) AS level_selector
), targets AS (
  SELECT bulletin_id, target_index, make_timestamp(deadline_micros) AS deadline,
         make_timestamp(window_start_micros) AS window_start, class_selector, level_selector
  FROM target_input
)
SELECT t.target_index, bs.region,
       count(*) AS applicable,
       count_if(bs.state = 'EXEMPT') AS exempt,
       count_if(bs.state = 'UNKNOWN') AS unknown,
       count_if(bs.compliant_at <= t.deadline) AS compliant_at_deadline,
       count_if(bs.compliant_at <= :as_of::TIMESTAMP) AS compliant_now,
       count_if(bs.compliant_at <= t.window_start) AS compliant_at_window_start
FROM targets t
JOIN bulletin_state bs ON bs.bulletin_id = t.bulletin_id
WHERE (t.class_selector = '' OR bs.computer_class = t.class_selector)
  AND (t.level_selector = 0 OR bs.managed_level = t.level_selector)
  AND /*@scope(region = bs.region, site = bs.site)*/
    /*@filter(region = bs.region, site = bs.site, class = bs.computer_class)*/
GROUP BY GROUPING SETS ((t.target_index, bs.region), (t.target_index))
ORDER BY t.target_index, bs.region NULLS FIRST

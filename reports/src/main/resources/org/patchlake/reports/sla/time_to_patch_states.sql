-- Reference definition (tests check the summaries against it): the same numbers from every computer x bulletin state.
-- Mean time to patch and patched within N days, grouped by an allow-listed dimension. The clock of a computer x
-- bulletin starts at the later of the release date and when the bulletin first applied to the computer; patched
-- before the clock started (a computer that joined with the update installed) counts as patched after 0 hours.
-- "within N days" is measured only over computers whose N-day window has ended by :as_of (eligible_within).
WITH measured AS (
  SELECT /*group*/ AS group_key, bs.state, bs.compliant_at,
         greatest(bs.first_applicable_at, b.released::TIMESTAMP) AS clock_start
  FROM bulletin_state bs
  JOIN bulletins b ON b.bulletin_id = bs.bulletin_id
  WHERE /*@scope(region = bs.region, site = bs.site)*/
    /*@filter(region = bs.region, site = bs.site, class = bs.computer_class, severity = b.vendor_severity, released = b.released)*/
)
SELECT group_key,
       count(*) AS applicable,
       count_if(state = 'EXEMPT') AS exempt,
       count_if(state = 'UNKNOWN') AS unknown,
       count_if(compliant_at <= :as_of::TIMESTAMP) AS patched,
       avg(greatest(0, epoch(compliant_at - clock_start)) / 3600.0) FILTER (WHERE compliant_at <= :as_of::TIMESTAMP) AS mean_hours_to_patch,
       count_if(state NOT IN ('EXEMPT', 'UNKNOWN') AND clock_start + to_days(:days::INTEGER) <= :as_of::TIMESTAMP) AS eligible_within,
       count_if(state NOT IN ('EXEMPT', 'UNKNOWN') AND clock_start + to_days(:days::INTEGER) <= :as_of::TIMESTAMP
                AND compliant_at <= clock_start + to_days(:days::INTEGER)) AS patched_within
FROM measured
GROUP BY group_key
ORDER BY group_key

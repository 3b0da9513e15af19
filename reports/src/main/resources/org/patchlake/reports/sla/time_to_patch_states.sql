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
  WHERE (:scope_all OR list_contains(:scope_regions::VARCHAR[], bs.region) OR list_contains(:scope_sites::VARCHAR[], bs.site))
    AND (len(:regions::VARCHAR[]) = 0 OR list_contains(:regions::VARCHAR[], bs.region))
    AND (len(:sites::VARCHAR[]) = 0 OR list_contains(:sites::VARCHAR[], bs.site))
    AND (len(:classes::VARCHAR[]) = 0 OR list_contains(:classes::VARCHAR[], bs.computer_class))
    AND (len(:severities::VARCHAR[]) = 0 OR list_contains(:severities::VARCHAR[], b.vendor_severity))
    AND (:from::DATE IS NULL OR b.released >= :from::DATE)
    AND (:to::DATE IS NULL OR b.released <= :to::DATE)
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

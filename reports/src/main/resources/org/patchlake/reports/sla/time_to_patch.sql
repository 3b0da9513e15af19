-- Mean time to patch and patched within N days, grouped by an allow-listed dimension, from the summaries of
-- snapshot_load.sql (time_to_patch_totals, time_to_patch_days: exact at the snapshot's data-as-of time, which
-- is when time to patch is judged; time_to_patch_states.sql is the same question over every state). The clock
-- of a computer x bulletin starts at the later of the release date and when the bulletin first applied to it.
-- "within N days" is measured only over computers whose N-day window has ended (eligible_within).
WITH totals AS (
  SELECT /*group*/ AS group_key,
         sum(bs.applicable) AS applicable, sum(bs.exempt) AS exempt, sum(bs.unknown) AS unknown,
         sum(bs.patched) AS patched, sum(bs.seconds_to_patch) AS seconds_to_patch
  FROM time_to_patch_totals bs
  JOIN bulletins b ON b.bulletin_id = bs.bulletin_id
  WHERE /*@scope(region = bs.region, site = bs.site)*/
    /*@filter(region = bs.region, site = bs.site, class = bs.computer_class, severity = b.vendor_severity, released = b.released)*/
  GROUP BY 1
), within AS (
  SELECT /*group*/ AS group_key,
         sum(bs.available) FILTER (WHERE bs.day >= :days::INTEGER) AS eligible_within,
         sum(bs.patched_by_day) FILTER (WHERE bs.day <= :days::INTEGER) AS patched_by_days,
         sum(bs.patched_available) FILTER (WHERE bs.day < :days::INTEGER) AS patched_too_recent
  FROM time_to_patch_days bs
  JOIN bulletins b ON b.bulletin_id = bs.bulletin_id
  WHERE /*@scope(region = bs.region, site = bs.site)*/
    /*@filter(region = bs.region, site = bs.site, class = bs.computer_class, severity = b.vendor_severity, released = b.released)*/
  GROUP BY 1
)
SELECT t.group_key, t.applicable, t.exempt, t.unknown, t.patched,
       t.seconds_to_patch / 3600.0 / nullif(t.patched, 0) AS mean_hours_to_patch,
       coalesce(w.eligible_within, 0) AS eligible_within,
       coalesce(w.patched_by_days, 0) - coalesce(w.patched_too_recent, 0) AS patched_within
FROM totals t
LEFT JOIN within w ON w.group_key = t.group_key
ORDER BY t.group_key

-- Report 5: delivery summary per policy over attempts started in [:from_time, :to_time). The outcome of a
-- computer x update is its latest attempt: succeeded (succeeded, succeeded_reboot_required), failed (failed),
-- not completed (failed_will_retry, outside_window, cancelled).
WITH in_window AS (
  SELECT d.*
  FROM deliveries d
  WHERE d.started_at >= :from_time::TIMESTAMP AND d.started_at < :to_time::TIMESTAMP
    AND /*@scope(region = d.region, site = d.site)*/
      /*@filter(region = d.region, site = d.site)*/
), ranked AS (
  -- agents report the KB only (update_id null): a computer x KB is then the unit, never all KBs of a computer at once
  SELECT policy_id, computer_id, coalesce(update_id, kb) AS update_id, outcome,
         row_number() OVER (PARTITION BY policy_id, computer_id, coalesce(update_id, kb) ORDER BY started_at DESC, attempt DESC) AS newest
  FROM in_window
), latest AS (
  SELECT policy_id, computer_id, update_id, outcome FROM ranked WHERE newest = 1
), attempts AS (
  SELECT policy_id, count(*) AS attempts, count(DISTINCT computer_id) AS computers FROM in_window GROUP BY policy_id
)
SELECT l.policy_id, p.name AS policy_name, a.attempts, a.computers,
       count(*) AS targets,
       count_if(l.outcome IN ('succeeded', 'succeeded_reboot_required')) AS succeeded,
       count_if(l.outcome = 'succeeded_reboot_required') AS succeeded_reboot_required,
       count_if(l.outcome = 'failed') AS failed,
       count_if(l.outcome NOT IN ('succeeded', 'succeeded_reboot_required', 'failed')) AS not_completed
FROM latest l
JOIN attempts a ON a.policy_id = l.policy_id
LEFT JOIN (SELECT policy_id, max(name) AS name FROM policies GROUP BY policy_id) p ON p.policy_id = l.policy_id
GROUP BY l.policy_id, p.name, a.attempts, a.computers
ORDER BY l.policy_id

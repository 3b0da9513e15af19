-- Report 2 drill-down: a computer's delivery attempts, newest first (same not-found contract as the history).
WITH visible AS (
  SELECT c.computer_id FROM computers c
  WHERE c.computer_id = :computer_id
    AND /*@scope(region = c.region, site = c.site)*/
), page AS (
  SELECT d.policy_id, d.update_id, d.kb, d.attempt, d.started_at, d.ended_at, d.return_code, d.outcome, d.meaning
  FROM deliveries d
  WHERE d.computer_id = :computer_id
  ORDER BY d.started_at DESC, d.attempt DESC
  LIMIT :limit OFFSET :offset
)
SELECT v.computer_id, p.*
FROM visible v
LEFT JOIN page p ON true
ORDER BY p.started_at DESC, p.attempt DESC

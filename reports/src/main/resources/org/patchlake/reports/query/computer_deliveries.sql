-- Report 2 drill-down: a computer's delivery attempts, newest first.
SELECT c.computer_id, d.policy_id, d.update_id, d.kb, d.attempt, d.started_at, d.ended_at, d.return_code,
       d.outcome, d.meaning
FROM computers c
LEFT JOIN deliveries d ON d.computer_id = c.computer_id
WHERE c.computer_id = :computer_id
  AND (:scope_all OR list_contains(:scope_regions::VARCHAR[], c.region) OR list_contains(:scope_sites::VARCHAR[], c.site))
ORDER BY d.started_at DESC, d.attempt DESC
LIMIT :limit OFFSET :offset

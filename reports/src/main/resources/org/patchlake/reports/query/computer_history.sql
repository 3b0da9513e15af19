-- Report 2 drill-down: a computer's install history (every state change, newest first, regressions flagged).
SELECT c.computer_id, h.update_id, h.bulletin_id, h.state, h.valid_from, h.valid_to, coalesce(h.regression, false) AS regression
FROM computers c
LEFT JOIN update_state_history h ON h.computer_id = c.computer_id
WHERE c.computer_id = :computer_id
  AND (:scope_all OR list_contains(:scope_regions::VARCHAR[], c.region) OR list_contains(:scope_sites::VARCHAR[], c.site))
ORDER BY h.valid_from DESC, h.update_id
LIMIT :limit OFFSET :offset

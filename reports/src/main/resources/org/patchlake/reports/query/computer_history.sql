-- Report 2 drill-down: a computer's install history (every state change, newest first, regressions flagged).
-- One row with NULL update_id when the computer is in scope but this page is empty; no row when it is unknown
-- or outside the scope.
WITH visible AS (
  SELECT c.computer_id FROM computers c
  WHERE c.computer_id = :computer_id
    AND /*@scope(region = c.region, site = c.site)*/
), page AS (
  SELECT h.update_id, h.bulletin_id, h.state, h.valid_from, h.valid_to, coalesce(h.regression, false) AS regression
  FROM update_state_history h
  WHERE h.computer_id = :computer_id
  ORDER BY h.valid_from DESC, h.update_id
  LIMIT :limit OFFSET :offset
)
SELECT v.computer_id, p.*
FROM visible v
LEFT JOIN page p ON true
ORDER BY p.valid_from DESC, p.update_id

-- Remediation progress: the latest attempt of every computer x KB of one policy, with whether the computer has
-- restarted since (then an install that needed a restart is complete) and whether it still reports a pending
-- restart. Scope is applied by the caller over the policy's frozen targets.
WITH ranked AS (
  SELECT d.computer_id, d.kb, d.outcome, d.return_code, d.return_code_hex, d.meaning, d.attempt, d.started_at, d.ended_at,
         row_number() OVER (PARTITION BY d.computer_id, d.kb ORDER BY d.started_at DESC NULLS LAST, d.attempt DESC) AS newest
  FROM deliveries d
  WHERE d.policy_id = :policy_id
)
SELECT r.computer_id, r.kb, r.outcome, r.return_code, r.return_code_hex, r.meaning, r.attempt, r.started_at,
       coalesce(c.last_boot_at > r.ended_at, false) AS restarted_since, coalesce(c.pending_reboot, false) AS pending_reboot
FROM ranked r
LEFT JOIN computers c ON c.computer_id = r.computer_id
WHERE r.newest = 1
ORDER BY r.computer_id, r.kb

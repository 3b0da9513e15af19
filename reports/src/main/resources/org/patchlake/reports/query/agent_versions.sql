-- Report 8: agent versions in use ('(no agent)' for computers without one).
SELECT coalesce(c.agent_version, '(no agent)') AS agent_version, count(*) AS computers
FROM computers c
WHERE (:scope_all OR list_contains(:scope_regions::VARCHAR[], c.region) OR list_contains(:scope_sites::VARCHAR[], c.site))
  AND (len(:regions::VARCHAR[]) = 0 OR list_contains(:regions::VARCHAR[], c.region))
  AND (len(:sites::VARCHAR[]) = 0 OR list_contains(:sites::VARCHAR[], c.site))
  AND (len(:classes::VARCHAR[]) = 0 OR list_contains(:classes::VARCHAR[], c.computer_class))
GROUP BY 1
ORDER BY computers DESC, agent_version

-- Report 8: agent versions in use ('(no agent)' for computers without one).
SELECT coalesce(c.agent_version, '(no agent)') AS agent_version, count(*) AS computers
FROM computers c
WHERE /*@scope(region = c.region, site = c.site)*/
  /*@filter(region = c.region, site = c.site, class = c.computer_class)*/
GROUP BY 1
ORDER BY computers DESC, agent_version

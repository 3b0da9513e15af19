-- Remediation: the computer x update pairs a report row stands for, still to install (REQUIRED or FAILED), within
-- the actor's scope and narrowed to a bulletin and/or a computer and a region / site. EXEMPT, UNKNOWN and
-- installed pairs are never targets. Each pair installs the update the computer's install plan names for it
-- (update_state.install_kb: core's InstallPlanner, run by the ETL): the newest cumulative or superseding update that
-- covers it, never a superseded one; several pairs fixed by one update name it each. A snapshot published before the
-- ETL planned has no install_kb: the pair installs its own KB.
SELECT s.computer_id, c.hostname, c.region, c.site, s.bulletin_id, s.kb AS required_kb, s.product, s.state,
       coalesce(s.install_kb, s.kb) AS install_kb
FROM update_state s
JOIN computers c ON c.computer_id = s.computer_id
WHERE s.state IN ('REQUIRED', 'FAILED')
  AND (:bulletin_id::VARCHAR IS NULL OR s.bulletin_id = :bulletin_id::VARCHAR)
  AND (:computer_id::VARCHAR IS NULL OR s.computer_id = :computer_id::VARCHAR)
  AND /*@scope(region = c.region, site = c.site)*/
    /*@filter(region = c.region, site = c.site)*/
ORDER BY s.computer_id, install_kb, s.product, s.kb

-- One bulletin's compliance per region at any instant, from update_state_history: the update states valid at
-- :at, combined per computer with the bulletin precedence EXEMPT > UNKNOWN > FAILED > REQUIRED >
-- INSTALLED_PENDING_REBOOT > INSTALLED (worst wins), then counted. update_state_history_by_bulletin is the history
-- sorted by bulletin (snapshot load), so only this bulletin's rows are read.
WITH at_time AS (
  SELECT h.computer_id, h.region, h.site, h.computer_class,
         max(CASE h.state WHEN 'EXEMPT' THEN 6 WHEN 'UNKNOWN' THEN 5 WHEN 'FAILED' THEN 4 WHEN 'REQUIRED' THEN 3
                          WHEN 'INSTALLED_PENDING_REBOOT' THEN 2 WHEN 'INSTALLED' THEN 1 END) AS rank
  FROM update_state_history_by_bulletin h
  WHERE h.bulletin_id = :bulletin_id
    AND h.valid_from <= :at::TIMESTAMP AND (h.valid_to IS NULL OR h.valid_to > :at::TIMESTAMP)
    AND h.state <> 'NOT_APPLICABLE'
    AND /*@scope(region = h.region, site = h.site)*/
      /*@filter(class = h.computer_class)*/
  GROUP BY h.computer_id, h.region, h.site, h.computer_class
)
SELECT region,
       count(*) AS applicable,
       count_if(rank = 1) AS installed, count_if(rank = 2) AS pending_reboot, count_if(rank = 3) AS required,
       count_if(rank = 4) AS failed, count_if(rank = 6) AS exempt, count_if(rank = 5) AS unknown
FROM at_time
GROUP BY region
ORDER BY region

-- Reference definition (tests check the summaries against it) and the path for site scopes, class filters and points that are not whole days.
-- Rollout curve of one bulletin: computers compliant at each point (hours since the release date, 00:00 UTC)
-- over the measured computers of the current state. Points after :as_of are left out.
WITH points AS (SELECT unnest(:hours::BIGINT[]) AS hours),
bulletin AS (SELECT released::TIMESTAMP AS clock_start FROM bulletins WHERE bulletin_id = :bulletin_id)
SELECT p.hours,
       count(*) AS applicable,
       count_if(bs.state = 'EXEMPT') AS exempt,
       count_if(bs.state = 'UNKNOWN') AS unknown,
       count_if(bs.compliant_at <= b.clock_start + to_hours(p.hours)) AS compliant
FROM points p
CROSS JOIN bulletin b
JOIN bulletin_state bs ON bs.bulletin_id = :bulletin_id
WHERE b.clock_start + to_hours(p.hours) <= :as_of::TIMESTAMP
  AND /*@scope(region = bs.region, site = bs.site)*/
    /*@filter(region = bs.region, site = bs.site, class = bs.computer_class)*/
GROUP BY p.hours
ORDER BY p.hours

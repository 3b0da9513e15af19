-- Report 1 drill-down: the computers of one bulletin in scope, all applicable / installed / vulnerable ones.
SELECT c.computer_id, c.hostname, bs.region, bs.site, bs.computer_class, bs.state, bs.first_applicable_at, bs.compliant_at
FROM bulletin_state bs
JOIN computers c ON c.computer_id = bs.computer_id
WHERE bs.bulletin_id = :bulletin_id
  AND /*@scope(region = bs.region, site = bs.site)*/
    /*@filter(region = bs.region, site = bs.site, class = bs.computer_class)*/
  AND list_contains(:states::VARCHAR[], bs.state)
ORDER BY bs.region, bs.site, c.hostname, c.computer_id
LIMIT :limit OFFSET :offset

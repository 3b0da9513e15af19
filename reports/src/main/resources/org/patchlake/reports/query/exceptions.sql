-- Report 11: exceptions with their status at :as_of: EXPIRED (expires_at passed), EXPIRING (active, expires
-- within :expiring_days days), ACTIVE. Scoped through the computer's region and site (exception_rows: exceptions with the computer's and bulletin's attributes). :limit NULL = every row.
SELECT e.exception_id, e.computer_id, e.hostname, e.region, e.site, e.bulletin_id, e.title, e.severity,
       e.owner, e.reason, e.created_at AS granted_at, e.expires_at,
       CASE WHEN e.expires_at <= :as_of::TIMESTAMP THEN 'EXPIRED'
            WHEN e.expires_at <= :as_of::TIMESTAMP + to_days(:expiring_days::INTEGER) THEN 'EXPIRING'
            ELSE 'ACTIVE' END AS status
FROM exception_rows e
WHERE (e.created_at IS NULL OR e.created_at <= :as_of::TIMESTAMP)
  AND NOT e.revoked
  AND /*@scope(region = e.region, site = e.site)*/
    /*@filter(region = e.region, site = e.site)*/
ORDER BY e.expires_at, e.exception_id
LIMIT :limit OFFSET :offset

-- Report 11: exceptions with their status at :as_of: EXPIRED (expires_at passed), EXPIRING (active, expires
-- within :expiring_days days), ACTIVE. Scoped through the computer's region and site. :limit NULL = every row.
SELECT e.exception_id, e.computer_id, c.hostname, c.region, c.site, e.bulletin_id, b.title, b.vendor_severity AS severity,
       e.owner, e.reason, e.created_at AS granted_at, e.expires_at,
       CASE WHEN e.expires_at <= :as_of::TIMESTAMP THEN 'EXPIRED'
            WHEN e.expires_at <= :as_of::TIMESTAMP + to_days(:expiring_days::INTEGER) THEN 'EXPIRING'
            ELSE 'ACTIVE' END AS status
FROM exceptions e
JOIN computers c ON c.computer_id = e.computer_id
LEFT JOIN bulletins b ON b.bulletin_id = e.bulletin_id
WHERE (e.created_at IS NULL OR e.created_at <= :as_of::TIMESTAMP)
  AND NOT coalesce(e.revoked, false)
  AND (:scope_all OR list_contains(:scope_regions::VARCHAR[], c.region) OR list_contains(:scope_sites::VARCHAR[], c.site))
  AND (len(:regions::VARCHAR[]) = 0 OR list_contains(:regions::VARCHAR[], c.region))
  AND (len(:sites::VARCHAR[]) = 0 OR list_contains(:sites::VARCHAR[], c.site))
ORDER BY e.expires_at, e.exception_id
LIMIT :limit OFFSET :offset

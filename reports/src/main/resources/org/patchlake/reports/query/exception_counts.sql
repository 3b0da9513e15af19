-- Report 11 headline: exceptions per status at :as_of (the statuses and scope of exceptions.sql), all of them.
SELECT count_if(e.expires_at <= :as_of::TIMESTAMP) AS expired,
       count_if(e.expires_at > :as_of::TIMESTAMP AND e.expires_at <= :as_of::TIMESTAMP + to_days(:expiring_days::INTEGER)) AS expiring,
       count_if(e.expires_at IS NULL OR e.expires_at > :as_of::TIMESTAMP + to_days(:expiring_days::INTEGER)) AS active
FROM exceptions e
JOIN computers c ON c.computer_id = e.computer_id
WHERE (e.created_at IS NULL OR e.created_at <= :as_of::TIMESTAMP)
  AND NOT coalesce(e.revoked, false)
  AND (:scope_all OR list_contains(:scope_regions::VARCHAR[], c.region) OR list_contains(:scope_sites::VARCHAR[], c.site))
  AND (len(:regions::VARCHAR[]) = 0 OR list_contains(:regions::VARCHAR[], c.region))
  AND (len(:sites::VARCHAR[]) = 0 OR list_contains(:sites::VARCHAR[], c.site))

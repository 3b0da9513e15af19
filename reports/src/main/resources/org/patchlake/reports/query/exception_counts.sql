-- Report 11 headline: exceptions per status at :as_of (the statuses and scope of exceptions.sql), all of them.
SELECT count_if(e.expires_at <= :as_of::TIMESTAMP) AS expired,
       count_if(e.expires_at > :as_of::TIMESTAMP AND e.expires_at <= :as_of::TIMESTAMP + to_days(:expiring_days::INTEGER)) AS expiring,
       count_if(e.expires_at IS NULL OR e.expires_at > :as_of::TIMESTAMP + to_days(:expiring_days::INTEGER)) AS active
FROM exception_rows e
WHERE (e.created_at IS NULL OR e.created_at <= :as_of::TIMESTAMP)
  AND NOT e.revoked
  AND /*@scope(region = e.region, site = e.site)*/
    /*@filter(region = e.region, site = e.site)*/

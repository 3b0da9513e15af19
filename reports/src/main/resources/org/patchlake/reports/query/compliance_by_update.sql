-- Report 3: compliance by update (KB x product), computer counts from update_state.
SELECT u.update_id, u.kb, u.product, u.bulletin_id, b.vendor_severity AS severity,
       count(*) AS applicable,
       count_if(us.state = 'INSTALLED') AS installed,
       count_if(us.state = 'INSTALLED_PENDING_REBOOT') AS pending_reboot,
       count_if(us.state = 'REQUIRED') AS required,
       count_if(us.state = 'FAILED') AS failed,
       count_if(us.state = 'EXEMPT') AS exempt,
       count_if(us.state = 'UNKNOWN') AS unknown
FROM update_state us
JOIN updates u ON u.update_id = us.update_id
JOIN bulletins b ON b.bulletin_id = u.bulletin_id
WHERE (:scope_all OR list_contains(:scope_regions::VARCHAR[], us.region) OR list_contains(:scope_sites::VARCHAR[], us.site))
  AND (len(:regions::VARCHAR[]) = 0 OR list_contains(:regions::VARCHAR[], us.region))
  AND (len(:sites::VARCHAR[]) = 0 OR list_contains(:sites::VARCHAR[], us.site))
  AND (len(:classes::VARCHAR[]) = 0 OR list_contains(:classes::VARCHAR[], us.computer_class))
  AND (len(:severities::VARCHAR[]) = 0 OR list_contains(:severities::VARCHAR[], b.vendor_severity))
  AND (:from::DATE IS NULL OR b.released >= :from::DATE)
  AND (:to::DATE IS NULL OR b.released <= :to::DATE)
  AND (:bulletin_id::VARCHAR IS NULL OR u.bulletin_id = :bulletin_id::VARCHAR)
GROUP BY u.update_id, u.kb, u.product, u.bulletin_id, b.vendor_severity
ORDER BY b.vendor_severity, u.kb, u.product

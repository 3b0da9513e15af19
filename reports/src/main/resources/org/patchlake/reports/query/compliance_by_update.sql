-- Report 3: compliance by update (KB x product), computer counts from update_state_summary.
SELECT u.update_id, u.kb, u.product, u.bulletin_id, b.vendor_severity AS severity,
       /*@state_counts(computers = us.computers, state = us.state)*/
FROM update_state_summary us
JOIN updates u ON u.update_id = us.update_id
JOIN bulletins b ON b.bulletin_id = u.bulletin_id
WHERE /*@scope(region = us.region, site = us.site)*/
  /*@filter(region = us.region, site = us.site, class = us.computer_class, severity = b.vendor_severity, released = b.released)*/
  AND (:bulletin_id::VARCHAR IS NULL OR u.bulletin_id = :bulletin_id::VARCHAR)
GROUP BY u.update_id, u.kb, u.product, u.bulletin_id, b.vendor_severity
ORDER BY b.vendor_severity, u.kb, u.product

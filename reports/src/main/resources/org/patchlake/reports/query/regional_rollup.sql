-- Report 10: compliance of computer x bulletin pairs per region (:level = 'region') or per site of one region
-- (:level = 'site', :parent_region), with the number of computers.
SELECT CASE WHEN :level::VARCHAR = 'site' THEN bs.site ELSE bs.region END AS group_key,
       count(DISTINCT bs.computer_id) AS computers,
       count(*) AS applicable,
       count_if(bs.state = 'INSTALLED') AS installed,
       count_if(bs.state = 'INSTALLED_PENDING_REBOOT') AS pending_reboot,
       count_if(bs.state = 'REQUIRED') AS required,
       count_if(bs.state = 'FAILED') AS failed,
       count_if(bs.state = 'EXEMPT') AS exempt,
       count_if(bs.state = 'UNKNOWN') AS unknown
FROM bulletin_state bs
JOIN bulletins b ON b.bulletin_id = bs.bulletin_id
WHERE (:scope_all OR list_contains(:scope_regions::VARCHAR[], bs.region) OR list_contains(:scope_sites::VARCHAR[], bs.site))
  AND (:level::VARCHAR = 'region' OR bs.region = :parent_region::VARCHAR)
  AND (len(:regions::VARCHAR[]) = 0 OR list_contains(:regions::VARCHAR[], bs.region))
  AND (len(:sites::VARCHAR[]) = 0 OR list_contains(:sites::VARCHAR[], bs.site))
  AND (len(:classes::VARCHAR[]) = 0 OR list_contains(:classes::VARCHAR[], bs.computer_class))
  AND (len(:severities::VARCHAR[]) = 0 OR list_contains(:severities::VARCHAR[], b.vendor_severity))
  AND (:from::DATE IS NULL OR b.released >= :from::DATE)
  AND (:to::DATE IS NULL OR b.released <= :to::DATE)
GROUP BY 1
ORDER BY 1

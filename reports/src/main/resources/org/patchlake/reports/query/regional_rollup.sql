-- Report 10: compliance of computer x bulletin pairs per region (:level = 'region') or per site of one region
-- (:level = 'site', :parent_region), from bulletin_state_summary, with the number of computers in the group
-- (computer_group_counts: scope, region/site/class filters; the severity and date filters apply to the pairs only).
WITH pairs AS (
  SELECT CASE WHEN :level::VARCHAR = 'site' THEN bs.site ELSE bs.region END AS group_key,
         sum(bs.computers) AS applicable,
         coalesce(sum(bs.computers) FILTER (WHERE bs.state = 'INSTALLED'), 0) AS installed,
         coalesce(sum(bs.computers) FILTER (WHERE bs.state = 'INSTALLED_PENDING_REBOOT'), 0) AS pending_reboot,
         coalesce(sum(bs.computers) FILTER (WHERE bs.state = 'REQUIRED'), 0) AS required,
         coalesce(sum(bs.computers) FILTER (WHERE bs.state = 'FAILED'), 0) AS failed,
         coalesce(sum(bs.computers) FILTER (WHERE bs.state = 'EXEMPT'), 0) AS exempt,
         coalesce(sum(bs.computers) FILTER (WHERE bs.state = 'UNKNOWN'), 0) AS unknown
  FROM bulletin_state_summary bs
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
), machines AS (
  SELECT CASE WHEN :level::VARCHAR = 'site' THEN c.site ELSE c.region END AS group_key, sum(c.computers) AS computers
  FROM computer_group_counts c
  WHERE (:scope_all OR list_contains(:scope_regions::VARCHAR[], c.region) OR list_contains(:scope_sites::VARCHAR[], c.site))
    AND (:level::VARCHAR = 'region' OR c.region = :parent_region::VARCHAR)
    AND (len(:regions::VARCHAR[]) = 0 OR list_contains(:regions::VARCHAR[], c.region))
    AND (len(:sites::VARCHAR[]) = 0 OR list_contains(:sites::VARCHAR[], c.site))
    AND (len(:classes::VARCHAR[]) = 0 OR list_contains(:classes::VARCHAR[], c.computer_class))
  GROUP BY 1
)
SELECT p.group_key, coalesce(m.computers, 0) AS computers, p.applicable, p.installed, p.pending_reboot, p.required,
       p.failed, p.exempt, p.unknown
FROM pairs p
LEFT JOIN machines m ON m.group_key = p.group_key
ORDER BY p.group_key

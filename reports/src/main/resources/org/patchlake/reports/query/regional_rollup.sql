-- Report 10: compliance of computer x bulletin pairs per region (:level = 'region') or per site of one region
-- (:level = 'site', :parent_region), from bulletin_state_summary, with the number of computers in the group
-- (computer_group_counts: scope, region/site/class filters; the severity and date filters apply to the pairs only).
WITH pairs AS (
  SELECT CASE WHEN :level::VARCHAR = 'site' THEN bs.site ELSE bs.region END AS group_key,
         /*@state_counts(computers = bs.computers, state = bs.state)*/
  FROM bulletin_state_summary bs
  JOIN bulletins b ON b.bulletin_id = bs.bulletin_id
  WHERE /*@scope(region = bs.region, site = bs.site)*/
    AND (:level::VARCHAR = 'region' OR bs.region = :parent_region::VARCHAR)
    /*@filter(region = bs.region, site = bs.site, class = bs.computer_class, severity = b.vendor_severity, released = b.released)*/
  GROUP BY 1
), machines AS (
  SELECT CASE WHEN :level::VARCHAR = 'site' THEN c.site ELSE c.region END AS group_key, sum(c.computers) AS computers
  FROM computer_group_counts c
  WHERE /*@scope(region = c.region, site = c.site)*/
    AND (:level::VARCHAR = 'region' OR c.region = :parent_region::VARCHAR)
    /*@filter(region = c.region, site = c.site, class = c.computer_class)*/
  GROUP BY 1
)
SELECT p.group_key, coalesce(m.computers, 0) AS computers, p.applicable, p.installed, p.pending_reboot, p.required,
       p.failed, p.exempt, p.unknown
FROM pairs p
LEFT JOIN machines m ON m.group_key = p.group_key
ORDER BY p.group_key

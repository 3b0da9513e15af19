-- Bulletins an SLA policy set measures: their severity is one of the policies' and they pass the filter.
SELECT b.bulletin_id, b.title, b.vendor_severity AS severity, b.released
FROM bulletins b
WHERE list_contains(:policy_severities::VARCHAR[], b.vendor_severity)
  /*@filter(severity = b.vendor_severity, released = b.released)*/
  AND b.released <= :as_of::TIMESTAMP
ORDER BY b.released DESC, b.bulletin_id

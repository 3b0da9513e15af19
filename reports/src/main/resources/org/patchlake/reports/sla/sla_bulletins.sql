-- Bulletins an SLA policy set measures: their severity is one of the policies' and they pass the filter.
SELECT b.bulletin_id, b.title, b.vendor_severity AS severity, b.released
FROM bulletins b
WHERE list_contains(:policy_severities::VARCHAR[], b.vendor_severity)
  AND (len(:severities::VARCHAR[]) = 0 OR list_contains(:severities::VARCHAR[], b.vendor_severity))
  AND (:from::DATE IS NULL OR b.released >= :from::DATE)
  AND (:to::DATE IS NULL OR b.released <= :to::DATE)
  AND b.released <= :as_of::TIMESTAMP
ORDER BY b.released DESC, b.bulletin_id

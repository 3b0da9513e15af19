-- Report 5: attempts by return code in the window, with the code's meaning (ETL's, else the reference table).
SELECT d.return_code, d.return_code & 4294967295 AS unsigned_code,
       CASE WHEN d.return_code IS NULL THEN NULL ELSE printf('0x%08X', d.return_code & 4294967295) END AS hex,
       coalesce(max(d.meaning), max(m.meaning),
                CASE WHEN d.return_code IS NULL THEN 'no return code (not attempted)' ELSE 'unknown return code' END) AS meaning,
       count(*) AS attempts, count(DISTINCT d.computer_id) AS computers,
       count_if(d.outcome IN ('failed', 'failed_will_retry')) AS failed_attempts
FROM deliveries d
LEFT JOIN return_code_meanings m ON m.code = (d.return_code & 4294967295)
WHERE d.started_at >= :from_time::TIMESTAMP AND d.started_at < :to_time::TIMESTAMP
  AND /*@scope(region = d.region, site = d.site)*/
    /*@filter(region = d.region, site = d.site)*/
  AND (:policy_id::VARCHAR IS NULL OR d.policy_id = :policy_id::VARCHAR)
GROUP BY d.return_code
ORDER BY attempts DESC, unsigned_code NULLS LAST

-- Report 13 drill-down: one computer's security updates that Windows Update or Patchlake calls missing, each side's
-- verdict, differences first. One row with NULL kb when the computer is in scope and both agree (or it has no
-- completed search); no row when it is unknown or outside the scope.
SELECT c.computer_id, c.hostname, s.status, s.searched_at, s.error_code, k.kb, k.title, k.severity,
       k.windows_update, k.patchlake, k.agreement
FROM computers c
LEFT JOIN windows_update_searches s ON s.computer_id = c.computer_id
LEFT JOIN detection_agreement_kbs k ON k.computer_id = c.computer_id
WHERE c.computer_id = :computer_id
  AND /*@scope(region = c.region, site = c.site)*/
ORDER BY CASE k.agreement WHEN 'WINDOWS_UPDATE_ONLY' THEN 1 WHEN 'PATCHLAKE_ONLY' THEN 2 ELSE 3 END, k.kb

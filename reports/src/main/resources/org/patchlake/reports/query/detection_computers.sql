-- Report 13: computers whose Windows Update verdict and Patchlake's differ, largest disagreements first.
SELECT a.computer_id, a.hostname, a.region, a.site, a.computer_class, a.searched_at,
       a.both_missing, a.windows_update_only, a.patchlake_only
FROM detection_agreement_computers a
WHERE a.status = 'COMPLETED' AND a.windows_update_only + a.patchlake_only > 0
  AND (:scope_all OR list_contains(:scope_regions::VARCHAR[], a.region) OR list_contains(:scope_sites::VARCHAR[], a.site))
  AND (len(:regions::VARCHAR[]) = 0 OR list_contains(:regions::VARCHAR[], a.region))
  AND (len(:sites::VARCHAR[]) = 0 OR list_contains(:sites::VARCHAR[], a.site))
  AND (len(:classes::VARCHAR[]) = 0 OR list_contains(:classes::VARCHAR[], a.computer_class))
ORDER BY a.windows_update_only + a.patchlake_only DESC, a.computer_id
LIMIT :limit OFFSET :offset

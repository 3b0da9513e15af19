-- Report 13: computers whose Windows Update verdict and Patchlake's differ, largest disagreements first.
SELECT a.computer_id, a.hostname, a.region, a.site, a.computer_class, a.searched_at,
       a.both_missing, a.windows_update_only, a.patchlake_only
FROM detection_agreement_computers a
WHERE a.status = 'COMPLETED' AND a.windows_update_only + a.patchlake_only > 0
  AND /*@scope(region = a.region, site = a.site)*/
    /*@filter(region = a.region, site = a.site, class = a.computer_class)*/
ORDER BY a.windows_update_only + a.patchlake_only DESC, a.computer_id
LIMIT :limit OFFSET :offset

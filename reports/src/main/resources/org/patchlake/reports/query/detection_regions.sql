-- Report 13 by region: compared computers (a completed Windows Update search), those where the verdicts differ, and the
-- pairs by side; failed searches. Largest disagreements first.
SELECT a.region,
       count_if(a.status = 'COMPLETED') AS compared,
       count_if(a.status = 'FAILED') AS search_failed,
       count_if(a.status = 'COMPLETED' AND a.windows_update_only + a.patchlake_only > 0) AS in_disagreement,
       sum(a.both_missing) AS both_missing,
       sum(a.windows_update_only) AS windows_update_only,
       sum(a.patchlake_only) AS patchlake_only
FROM detection_agreement_computers a
WHERE /*@scope(region = a.region, site = a.site)*/
  /*@filter(region = a.region, site = a.site, class = a.computer_class)*/
GROUP BY a.region
ORDER BY sum(a.windows_update_only) + sum(a.patchlake_only) DESC, a.region

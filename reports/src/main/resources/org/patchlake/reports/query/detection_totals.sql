-- Report 13 headline: computers in scope, Windows Update searches (completed, failed, none), computers where the two
-- verdicts differ, and the computer x KB pairs missing on both sides, only per Windows Update, only per Patchlake.
WITH scoped AS (
  SELECT c.computer_id FROM computers c
  WHERE /*@scope(region = c.region, site = c.site)*/
    /*@filter(region = c.region, site = c.site, class = c.computer_class)*/
)
SELECT count(*) AS computers,
       count(a.computer_id) AS searched,
       count_if(a.status = 'COMPLETED') AS compared,
       count_if(a.status = 'FAILED') AS search_failed,
       count_if(a.status = 'COMPLETED' AND a.windows_update_only + a.patchlake_only > 0) AS in_disagreement,
       coalesce(sum(a.both_missing), 0) AS both_missing,
       coalesce(sum(a.windows_update_only), 0) AS windows_update_only,
       coalesce(sum(a.patchlake_only), 0) AS patchlake_only
FROM scoped s
LEFT JOIN detection_agreement_computers a ON a.computer_id = s.computer_id

-- Report 2 without a severity or release-date filter: one row per computer from computer_counts (bulletin-state
-- counts and the computer's attributes, computed when the snapshot was loaded). Same rows as
-- compliance_by_computer.sql; scope and filters on the region, site and class of the computer's bulletin states.
-- computers_matching: the rows of every page (the total a page of LIMIT rows is out of), in each variant.
-- install_kbs: the KBs of the computer's install plan (what to install to fix every REQUIRED or FAILED update).
SELECT c.computer_id, c.hostname, c.region, c.site, c.computer_class, c.managed_level, c.last_inventory_at,
       c.pending_reboot_flag,
       count(*) OVER () AS computers_matching,
       c.applicable, c.installed, c.pending_reboot, c.required, c.failed, c.exempt, c.unknown, c.vulnerable, c.install_kbs
FROM computer_counts c
WHERE /*@scope(region = c.region, site = c.site)*/
  /*@filter(region = c.region, site = c.site, class = c.computer_class)*/
ORDER BY /*order_by*/
LIMIT :limit OFFSET :offset

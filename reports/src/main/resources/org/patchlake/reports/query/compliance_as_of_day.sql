-- Report 1 as of a past day D, from compliance_daily (counts at the end of day D).
SELECT b.bulletin_id, b.title, b.vendor_severity AS severity, b.released, b.exploited,
       sum(d.applicable) AS applicable, sum(d.installed) AS installed, sum(d.pending_reboot) AS pending_reboot,
       sum(d.required) AS required, sum(d.failed) AS failed, sum(d.exempt) AS exempt, sum(d.unknown) AS unknown
FROM compliance_daily d
JOIN bulletins b ON b.bulletin_id = d.bulletin_id
WHERE d.day = :day::DATE
  AND /*@scope(region = d.region, site = d.site)*/
    /*@filter(region = d.region, site = d.site, class = d.computer_class, severity = b.vendor_severity, released = b.released)*/
GROUP BY b.bulletin_id, b.title, b.vendor_severity, b.released, b.exploited
ORDER BY b.released DESC, b.bulletin_id

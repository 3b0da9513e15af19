-- Report 1: compliance by bulletin over the viewer's scope (current state, from bulletin_state_summary).
SELECT b.bulletin_id, b.title, b.vendor_severity AS severity, b.released, b.exploited,
       sum(bs.computers) AS applicable,
       coalesce(sum(bs.computers) FILTER (WHERE bs.state = 'INSTALLED'), 0) AS installed,
       coalesce(sum(bs.computers) FILTER (WHERE bs.state = 'INSTALLED_PENDING_REBOOT'), 0) AS pending_reboot,
       coalesce(sum(bs.computers) FILTER (WHERE bs.state = 'REQUIRED'), 0) AS required,
       coalesce(sum(bs.computers) FILTER (WHERE bs.state = 'FAILED'), 0) AS failed,
       coalesce(sum(bs.computers) FILTER (WHERE bs.state = 'EXEMPT'), 0) AS exempt,
       coalesce(sum(bs.computers) FILTER (WHERE bs.state = 'UNKNOWN'), 0) AS unknown
FROM bulletin_state_summary bs
JOIN bulletins b ON b.bulletin_id = bs.bulletin_id
WHERE /*@scope(region = bs.region, site = bs.site)*/
  /*@filter(region = bs.region, site = bs.site, class = bs.computer_class, severity = b.vendor_severity, released = b.released)*/
GROUP BY b.bulletin_id, b.title, b.vendor_severity, b.released, b.exploited
ORDER BY /*order_by*/

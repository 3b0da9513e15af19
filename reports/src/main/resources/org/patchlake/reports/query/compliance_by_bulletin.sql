-- Report 1: compliance by bulletin over the viewer's scope (current state, from bulletin_state_summary).
SELECT b.bulletin_id, b.title, b.vendor_severity AS severity, b.released, b.exploited,
       /*@state_counts(computers = bs.computers, state = bs.state)*/
FROM bulletin_state_summary bs
JOIN bulletins b ON b.bulletin_id = bs.bulletin_id
WHERE /*@scope(region = bs.region, site = bs.site)*/
  /*@filter(region = bs.region, site = bs.site, class = bs.computer_class, severity = b.vendor_severity, released = b.released)*/
GROUP BY b.bulletin_id, b.title, b.vendor_severity, b.released, b.exploited
ORDER BY /*order_by*/

-- Compliance counts of one bulletin from the published bulletin_state, as a report would compute them.
SELECT count(*)                                                AS applicable,
       count(*) FILTER (WHERE state = 'INSTALLED')             AS installed,
       count(*) FILTER (WHERE state = 'INSTALLED_PENDING_REBOOT') AS pending_reboot,
       count(*) FILTER (WHERE state = 'REQUIRED')              AS required,
       count(*) FILTER (WHERE state = 'FAILED')                AS failed,
       count(*) FILTER (WHERE state = 'EXEMPT')                AS exempt,
       count(*) FILTER (WHERE state = 'UNKNOWN')               AS unknown
FROM read_parquet(?)
WHERE bulletin_id = ?

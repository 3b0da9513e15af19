-- SQL written once and included by name in the report statements (SqlFragments). The viewer's scope and the
-- report filters:
--   WHERE /*@scope(region = c.region, site = c.site)*/
--     /*@filter(region = c.region, site = c.site, class = c.computer_class, severity = b.vendor_severity, released = b.released)*/
-- A line is kept when the include names every {key} it uses; name only the columns the statement's table has.
-- Values stay bound parameters (:scope_regions ...); the columns come from the including statement's own text.

-- name: scope
-- Rows the viewer may see (Scope): every row, or rows whose region or site is listed. Both keys are required.
(:scope_all OR list_contains(:scope_regions::VARCHAR[], {region}) OR list_contains(:scope_sites::VARCHAR[], {site}))

-- name: region_scope
-- The same for a table kept per region only (the SLA summaries): read only for scopes that list no sites.
(:scope_all OR list_contains(:scope_regions::VARCHAR[], {region}))

-- name: filter
-- The report filters (QueryFilter): each narrows within the scope and is a no-op when its list is empty or its date null.
AND (len(:regions::VARCHAR[]) = 0 OR list_contains(:regions::VARCHAR[], {region}))
AND (len(:sites::VARCHAR[]) = 0 OR list_contains(:sites::VARCHAR[], {site}))
AND (len(:classes::VARCHAR[]) = 0 OR list_contains(:classes::VARCHAR[], {class}))
AND (len(:severities::VARCHAR[]) = 0 OR list_contains(:severities::VARCHAR[], {severity}))
AND (:from::DATE IS NULL OR {released} >= :from::DATE)
AND (:to::DATE IS NULL OR {released} <= :to::DATE)

-- name: state_counts
-- The counts behind a compliance figure (ComplianceCounts) summed from a summary's per-state computer counts.
sum({computers}) AS applicable,
coalesce(sum({computers}) FILTER (WHERE {state} = 'INSTALLED'), 0) AS installed,
coalesce(sum({computers}) FILTER (WHERE {state} = 'INSTALLED_PENDING_REBOOT'), 0) AS pending_reboot,
coalesce(sum({computers}) FILTER (WHERE {state} = 'REQUIRED'), 0) AS required,
coalesce(sum({computers}) FILTER (WHERE {state} = 'FAILED'), 0) AS failed,
coalesce(sum({computers}) FILTER (WHERE {state} = 'EXEMPT'), 0) AS exempt,
coalesce(sum({computers}) FILTER (WHERE {state} = 'UNKNOWN'), 0) AS unknown

package org.patchlake.web.auth;

/** What a role allows. Routes ask for a permission, never for a role. */
public enum Permission {
    VIEW_DASHBOARD,
    /** Reports 1-3, 4-7, 9-11: compliance detail with drill-down. */
    VIEW_COMPLIANCE_REPORTS,
    /** Executive summary and regional compliance. */
    VIEW_SUMMARY_REPORTS,
    /** The bulletin and computer pages the reports link to (within the viewer's scope). */
    VIEW_DRILL_DOWNS,
    /** Report 8: agent rollout and health. */
    VIEW_AGENT_HEALTH,
    /** Create and change users, grant the platform role (platform administrators). */
    MANAGE_USERS,
    /** Grant and revoke the compliance roles and set regions and sites (security administrators). */
    GRANT_COMPLIANCE_ROLES,
    MANAGE_ENROLLMENT_TOKENS,
    /** Move an enrolled computer to another site (platform administrators). */
    MOVE_COMPUTERS,
    MANAGE_EXCEPTIONS,
    MANAGE_SEVERITY,
    MANAGE_SLA_POLICIES,
    MANAGE_SCHEDULES,
    REMEDIATE,
    RUN_JOBS,
    VIEW_AUDIT
}

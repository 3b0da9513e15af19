package org.patchlake.web.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.patchlake.web.auth.Permission.*;

/** The roles of DESIGN.md ("Who uses it"), each with what it may do. */
public enum Role {
    SECURITY_ADMIN("security administrator", EnumSet.of(VIEW_DASHBOARD, VIEW_COMPLIANCE_REPORTS, VIEW_SUMMARY_REPORTS, VIEW_DRILL_DOWNS,
            VIEW_AGENT_HEALTH, MANAGE_EXCEPTIONS, MANAGE_SEVERITY, MANAGE_SLA_POLICIES, VIEW_AUDIT, MANAGE_SCHEDULES,
            GRANT_COMPLIANCE_ROLES)),
    REGIONAL_MANAGER("regional IT manager", EnumSet.of(VIEW_DASHBOARD, VIEW_COMPLIANCE_REPORTS, VIEW_SUMMARY_REPORTS, VIEW_DRILL_DOWNS,
            VIEW_AGENT_HEALTH, MANAGE_SCHEDULES)),
    IT_ADMIN("IT administrator", EnumSet.of(VIEW_DASHBOARD, VIEW_COMPLIANCE_REPORTS, VIEW_SUMMARY_REPORTS, VIEW_DRILL_DOWNS,
            VIEW_AGENT_HEALTH, REMEDIATE)),
    EXECUTIVE("executive", EnumSet.of(VIEW_DASHBOARD, VIEW_SUMMARY_REPORTS, VIEW_DRILL_DOWNS)),
    PLATFORM_ADMIN("platform administrator", EnumSet.of(VIEW_DASHBOARD, VIEW_AGENT_HEALTH, MANAGE_USERS,
            MANAGE_ENROLLMENT_TOKENS, MOVE_COMPUTERS, RUN_JOBS, VIEW_AUDIT));

    private final String title;
    private final Set<Permission> permissions;

    Role(String title, Set<Permission> permissions) {
        this.title = title;
        this.permissions = Set.copyOf(permissions);
    }

    public String title() {
        return title;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** The role's name as written in the store, forms and JSON: {@code security_admin}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The roles that see compliance data; only a security administrator grants them (DESIGN.md). */
    public boolean compliance() {
        return this != PLATFORM_ADMIN;
    }

    public static Optional<Role> fromKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst();
    }
}

package org.patchlake.web.auth;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** A person who signs in to the web UI. The password hash never leaves the store layer in this record. */
public record User(long id, String name, String displayName, Set<Role> roles, Scope scope, boolean disabled,
                   ZoneId timeZone, Instant createdAt) {
    public User {
        requireNonNull(name, "name is null");
        requireNonNull(displayName, "displayName is null");
        roles = Set.copyOf(requireNonNull(roles, "roles is null"));
        requireNonNull(scope, "scope is null");
        requireNonNull(timeZone, "timeZone is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    public boolean can(Permission permission) {
        return roles.stream().anyMatch(role -> role.permissions().contains(permission));
    }

    /** Everything this user's roles allow. */
    public Set<Permission> permissions() {
        java.util.EnumSet<Permission> permissions = java.util.EnumSet.noneOf(Permission.class);
        roles.forEach(role -> permissions.addAll(role.permissions()));
        return permissions;
    }
}

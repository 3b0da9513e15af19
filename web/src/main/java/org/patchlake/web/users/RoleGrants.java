package org.patchlake.web.users;

import org.patchlake.web.auth.Permission;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.User;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Who may grant which role and scope (DESIGN.md, "Granting roles"):
 * <ul>
 * <li>platform administrators manage users and grant (or take away) the platform role;</li>
 * <li>only a security administrator grants or takes away the compliance roles (security administrator, regional IT
 * manager, IT administrator, executive) and changes the regions and sites of a user who holds one;</li>
 * <li>nobody gives a user a scope wider than their own;</li>
 * <li>nobody adds roles to themselves or widens their own scope;</li>
 * <li>a password reset hands the account over, so it needs every role and the whole scope of that user.</li>
 * </ul>
 */
public final class RoleGrants {
    private final Function<Scope, ? extends java.util.Collection<String>> sitesIn;

    /** @param sitesIn the sites a scope covers (to tell whether a site lies inside a granter's regions) */
    public RoleGrants(Function<Scope, ? extends java.util.Collection<String>> sitesIn) {
        this.sitesIn = requireNonNull(sitesIn, "sitesIn is null");
    }

    /** May this user open user administration at all. */
    public static boolean administers(User user) {
        return user.can(Permission.MANAGE_USERS) || user.can(Permission.GRANT_COMPLIANCE_ROLES);
    }

    /** The roles this user may give or take away. */
    public static Set<Role> grantable(User granter) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (granter.can(Permission.MANAGE_USERS)) {
            roles.add(Role.PLATFORM_ADMIN);
        }
        if (granter.can(Permission.GRANT_COMPLIANCE_ROLES)) {
            for (Role role : Role.values()) {
                if (role.compliance()) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    /**
     * Why {@code granter} may not give {@code after} to the user now {@code before} (null: a new user), or empty when
     * the change is allowed.
     */
    public Optional<String> refusal(User granter, User before, UserStore.UserDetails after) {
        Set<Role> held = before == null ? Set.of() : before.roles();
        Set<Role> added = difference(after.roles(), held);
        Set<Role> removed = difference(held, after.roles());
        boolean self = before != null && before.id() == granter.id();
        if (self && !added.isEmpty()) {
            return Optional.of("you cannot give yourself roles (" + keys(added) + ")");
        }
        if (self && !within(after.scope(), before.scope())) {
            return Optional.of("you cannot widen your own scope (" + before.scope().describe() + " to " + after.scope().describe() + ")");
        }
        Set<Role> changed = EnumSet.noneOf(Role.class);
        changed.addAll(added);
        changed.addAll(removed);
        Set<Role> notYours = difference(changed, grantable(granter));
        if (!notYours.isEmpty()) {
            boolean compliance = notYours.stream().anyMatch(Role::compliance);
            return Optional.of((compliance ? "only a security administrator grants or takes away the compliance roles"
                    : "only a platform administrator grants or takes away the platform role") + " (" + keys(notYours) + ")");
        }
        boolean scopeChanged = before == null || !before.scope().equals(after.scope());
        boolean complianceUser = after.roles().stream().anyMatch(Role::compliance) || held.stream().anyMatch(Role::compliance);
        if (scopeChanged && complianceUser && !granter.can(Permission.GRANT_COMPLIANCE_ROLES)) {
            return Optional.of("only a security administrator sets the regions and sites of a user with compliance roles");
        }
        boolean grantsCompliance = added.stream().anyMatch(Role::compliance);
        if ((scopeChanged || grantsCompliance) && !within(after.scope(), granter.scope())) {
            return Optional.of("the scope " + after.scope().describe() + " is wider than your own (" + granter.scope().describe() + ")");
        }
        return Optional.empty();
    }

    /** Why {@code actor} may not set a new password for {@code user} (and so sign in as them), or empty. */
    public Optional<String> takeoverRefusal(User actor, User user) {
        if (actor.id() == user.id()) {
            return Optional.empty();
        }
        Set<Role> missing = difference(user.roles(), actor.roles());
        if (!missing.isEmpty()) {
            return Optional.of("a new password lets you sign in as " + user.name() + ", who holds roles you do not (" + keys(missing) + ")");
        }
        if (!within(user.scope(), actor.scope())) {
            return Optional.of("a new password lets you sign in as " + user.name() + ", whose scope (" + user.scope().describe()
                    + ") is wider than yours");
        }
        return Optional.empty();
    }

    /** True when everything {@code inner} lets its holder see, {@code outer} does too. */
    boolean within(Scope inner, Scope outer) {
        if (outer.allRegions()) {
            return true;
        }
        if (inner.allRegions() || !outer.regions().containsAll(inner.regions())) {
            return false;
        }
        Set<String> outerSites = null;
        for (String site : inner.sites()) {
            if (outer.sites().contains(site)) {
                continue;
            }
            if (outerSites == null) {
                outerSites = Set.copyOf(outer.regions().isEmpty() ? Set.of()
                        : sitesIn.apply(Scope.of(outer.regions(), Set.of())));
            }
            if (!outerSites.contains(site)) {
                return false;
            }
        }
        return true;
    }

    private static Set<Role> difference(Set<Role> a, Set<Role> b) {
        Set<Role> result = EnumSet.noneOf(Role.class);
        result.addAll(a);
        result.removeAll(b);
        return result;
    }

    private static String keys(Set<Role> roles) {
        return roles.stream().map(Role::key).sorted().collect(Collectors.joining(", "));
    }
}

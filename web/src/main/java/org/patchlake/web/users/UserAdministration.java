package org.patchlake.web.users;

import org.patchlake.web.auth.PasswordHasher;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.User;
import org.patchlake.web.http.BadParameterException;
import org.patchlake.web.http.WebException;
import org.patchlake.web.audit.AuditLog;
import org.patchlake.web.auth.SessionStore;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Creating and changing users, with their roles and scopes; every change audited, and every grant checked against
 * {@link RoleGrants} (a refused one is audited too, as {@code grant_refused}).
 */
public final class UserAdministration {
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");
    private static final Pattern SCOPE_VALUE = Pattern.compile("[A-Za-z0-9 _.-]{1,100}");
    /** Roles whose users see every region by their nature (DESIGN.md: security administrator sees every region). */
    private static final Set<Role> GLOBAL_ROLES = EnumSet.of(Role.SECURITY_ADMIN, Role.PLATFORM_ADMIN, Role.EXECUTIVE);

    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final RoleGrants grants;

    public UserAdministration(UserStore users, SessionStore sessions, PasswordHasher hasher, AuditLog audit, RoleGrants grants) {
        this.users = requireNonNull(users, "users is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.hasher = requireNonNull(hasher, "hasher is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.grants = requireNonNull(grants, "grants is null");
    }

    /** A user created by {@code granter}, who must be allowed to grant its roles and scope. */
    public User create(User granter, String name, UserStore.UserDetails details, String password, String address) {
        check(details);
        refuseUnlessAllowed(granter, null, name, details, address);
        return create(granter.name(), name, details, password, address);
    }

    /**
     * A user created by the system ({@code serve --create-admin}, the demo's sample users): no granter to check.
     * People create users through {@link #create(User, String, UserStore.UserDetails, String, String)}.
     */
    public User create(String actor, String name, UserStore.UserDetails details, String password, String address) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadParameterException("name", "user name must be 2-64 characters a-z 0-9 . _ - starting with a letter");
        }
        check(details);
        String weakness = PasswordHasher.weakness(password);
        if (weakness != null) {
            throw new BadParameterException("password", "password " + weakness);
        }
        if (users.findByName(name).isPresent()) {
            throw WebException.conflict("a user named '" + name + "' already exists");
        }
        User user = users.create(name, details, hasher.hash(password));
        audit.record(actor, "user_created", "user:" + name, null, user, address);
        return user;
    }

    /** Changes a user as {@code granter}: roles and scope only as {@link RoleGrants} allows; audited before and after. */
    public User update(User granter, long id, UserStore.UserDetails details, String address) {
        User before = users.findById(id).orElseThrow(() -> WebException.notFound("no user with id " + id));
        check(details);
        refuseUnlessAllowed(granter, before, before.name(), details, address);
        User after = users.update(id, details);
        if (details.disabled()) {
            sessions.deleteAllOf(id);
        }
        boolean grant = !before.roles().equals(after.roles()) || !before.scope().equals(after.scope());
        audit.record(granter.name(), grant ? "grant_changed" : "user_changed", "user:" + before.name(), before, after, address);
        return after;
    }

    private void refuseUnlessAllowed(User granter, User before, String name, UserStore.UserDetails details, String address) {
        Optional<String> refusal = grants.refusal(granter, before, details);
        if (refusal.isPresent()) {
            Map<String, Object> requested = new LinkedHashMap<>();
            requested.put("roles", details.roles().stream().map(Role::key).sorted().toList());
            requested.put("scope", details.scope());
            requested.put("refused", refusal.get());
            audit.record(granter.name(), "grant_refused", "user:" + name, before, requested, address);
            throw WebException.forbidden(refusal.get());
        }
    }

    /** A new password set by {@code actor}, who must hold every role and the whole scope of the user. */
    public void resetPassword(User actor, long id, String password, String address) {
        User user = users.findById(id).orElseThrow(() -> WebException.notFound("no user with id " + id));
        Optional<String> refusal = grants.takeoverRefusal(actor, user);
        if (refusal.isPresent()) {
            audit.record(actor.name(), "password_reset_refused", "user:" + user.name(), null, Map.of("refused", refusal.get()), address);
            throw WebException.forbidden(refusal.get());
        }
        String weakness = PasswordHasher.weakness(password);
        if (weakness != null) {
            throw new BadParameterException("password", "password " + weakness);
        }
        users.setPassword(id, hasher.hash(password));
        sessions.deleteAllOf(id);
        audit.record(actor.name(), "password_reset", "user:" + user.name(), null, null, address);
    }

    private static void check(UserStore.UserDetails details) {
        if (details.roles().isEmpty()) {
            throw new BadParameterException("roles", "a user needs at least one role");
        }
        if (details.displayName().isBlank() || details.displayName().length() > 200) {
            throw new BadParameterException("displayName", "display name must be 1-200 characters");
        }
        Scope scope = details.scope();
        for (String value : scope.regions()) {
            if (!SCOPE_VALUE.matcher(value).matches()) {
                throw new BadParameterException("regions", "region '" + value + "' has characters a region name cannot have");
            }
        }
        for (String value : scope.sites()) {
            if (!SCOPE_VALUE.matcher(value).matches()) {
                throw new BadParameterException("sites", "site '" + value + "' has characters a site name cannot have");
            }
        }
        boolean global = details.roles().stream().anyMatch(GLOBAL_ROLES::contains);
        if (!scope.allRegions() && scope.regions().isEmpty() && scope.sites().isEmpty() && !global) {
            throw new BadParameterException("regions", "a regional manager or IT administrator needs at least one region or site");
        }
    }
}

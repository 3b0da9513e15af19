package org.patchlake.web.users;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.WebServices;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.User;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.BadParameterException;
import org.patchlake.web.http.Forms;
import org.patchlake.web.http.Params;
import org.patchlake.web.http.WebException;
import org.patchlake.web.layout.Formats;
import org.patchlake.web.layout.Layout;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Administration of users and their scopes: platform administrators manage users and the platform role, security
 * administrators grant the compliance roles and scopes ({@link RoleGrants}); the form offers each viewer only the roles
 * they may grant.
 */
public final class UserPages {
    private final WebServices services;

    public UserPages(WebServices services) {
        this.services = services;
    }

    public void register(Javalin app) {
        app.get("/admin/users", this::list);
        app.post("/admin/users", this::create);
        app.get("/admin/users/{id}", this::edit);
        app.post("/admin/users/{id}", this::update);
        app.post("/admin/users/{id}/password", this::resetPassword);
    }

    /** The viewer, when they may administer users (platform or security administrator); otherwise 403. */
    private static Viewer administrator(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        if (!RoleGrants.administers(viewer.user())) {
            throw WebException.forbidden("your roles do not allow this (manage_users or grant_compliance_roles)");
        }
        return viewer;
    }

    private void list(Context ctx) {
        Viewer viewer = administrator(ctx);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("done", ctx.queryParam("done"));
        parameters.put("users", services.users().all());
        parameters.put("roles", roleChoices(null, viewer.user()));
        ctx.html(Layout.render("admin/users.jte", Layout.frame(viewer, "Users and scopes", Optional.empty(), false), parameters));
    }

    /** A role in the user form; one the viewer may not grant is shown but fixed (a held one is sent back unchanged). */
    public record RoleChoice(String key, String title, boolean checked, boolean fixed) {
    }

    private static List<RoleChoice> roleChoices(User user, User viewer) {
        Set<Role> grantable = RoleGrants.grantable(viewer);
        boolean self = user != null && user.id() == viewer.id();
        List<RoleChoice> choices = new ArrayList<>();
        for (Role role : Role.values()) {
            boolean checked = user != null && user.roles().contains(role);
            choices.add(new RoleChoice(role.key(), role.title(), checked, !grantable.contains(role) || (self && !checked)));
        }
        return choices;
    }

    public static String roles(Set<Role> roles) {
        return roles.stream().map(Role::key).sorted().collect(Collectors.joining(", "));
    }

    private static UserStore.UserDetails details(Context ctx) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String key : ctx.formParams("roles")) {
            roles.add(Role.fromKey(key).orElseThrow(() -> new BadParameterException("roles", "unknown role '" + Params.abbreviate(key) + "'")));
        }
        ZoneId zone;
        String zoneName = Optional.ofNullable(ctx.formParam("timeZone")).map(String::trim).filter(s -> !s.isEmpty()).orElse("UTC");
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw new BadParameterException("timeZone", "unknown time zone '" + Params.abbreviate(zoneName) + "'");
        }
        Scope scope = new Scope(Forms.checkbox(ctx, "allRegions"), Forms.commaList(ctx, "regions"), Forms.commaList(ctx, "sites"));
        String displayName = Optional.ofNullable(ctx.formParam("displayName")).map(String::trim).orElse("");
        return new UserStore.UserDetails(displayName, roles, scope, Forms.checkbox(ctx, "disabled"), zone);
    }

    private void create(Context ctx) {
        Viewer viewer = administrator(ctx);
        String name = Params.required(ctx, "name");
        UserStore.UserDetails details = details(ctx);
        if (details.displayName().isEmpty()) {
            details = new UserStore.UserDetails(name, details.roles(), details.scope(), false, details.timeZone());
        }
        User user = services.userAdministration().create(viewer.user(), name, details, ctx.formParam("password"), ctx.ip());
        ctx.redirect("/admin/users?done=" + Formats.url("created user " + user.name()));
    }

    private User target(Context ctx) {
        Integer id = Forms.pathId(ctx);
        return services.users().findById(id).orElseThrow(() -> WebException.notFound("no user with id " + id));
    }

    private void edit(Context ctx) {
        Viewer viewer = administrator(ctx);
        User user = target(ctx);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("done", ctx.queryParam("done"));
        parameters.put("user", user);
        parameters.put("roles", roleChoices(user, viewer.user()));
        ctx.html(Layout.render("admin/user.jte", Layout.frame(viewer, "User " + user.name(), Optional.empty(), false), parameters));
    }

    private void update(Context ctx) {
        Viewer viewer = administrator(ctx);
        User user = target(ctx);
        UserStore.UserDetails details = details(ctx);
        if (user.id() == viewer.user().id() && (details.disabled() || !RoleGrants.administers(new User(user.id(), user.name(),
                details.displayName(), details.roles(), details.scope(), false, details.timeZone(), user.createdAt())))) {
            throw new BadParameterException("roles", "you cannot disable yourself or give up the role that lets you administer users");
        }
        services.userAdministration().update(viewer.user(), user.id(), details, ctx.ip());
        ctx.redirect("/admin/users?done=" + Formats.url("saved user " + user.name()));
    }

    private void resetPassword(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_USERS);
        User user = target(ctx);
        services.userAdministration().resetPassword(viewer.user(), user.id(), ctx.formParam("password"), ctx.ip());
        ctx.redirect("/admin/users/" + user.id() + "?done=" + Formats.url("password changed; the user's sessions were ended"));
    }
}

package org.patchlake.web.admin;

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
import org.patchlake.web.http.Params;
import org.patchlake.web.http.WebException;
import org.patchlake.web.pages.Html;
import org.patchlake.web.pages.Layout;
import org.patchlake.web.store.UserStore;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.patchlake.web.pages.Html.h;

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
        StringBuilder body = new StringBuilder(Forms.notice(ctx));
        body.append("<table class=\"report\" id=\"users\"><thead><tr><th>Name</th><th>Display name</th><th>Roles</th><th>Scope</th>"
                + "<th>Status</th></tr></thead><tbody>");
        for (User user : services.users().all()) {
            body.append("<tr><td><a href=\"/admin/users/").append(user.id()).append("\">").append(h(user.name())).append("</a></td><td>")
                    .append(h(user.displayName())).append("</td><td>").append(h(roles(user.roles()))).append("</td><td>")
                    .append(h(user.scope().describe())).append("</td><td>").append(user.disabled() ? "disabled" : "active")
                    .append("</td></tr>");
        }
        body.append("</tbody></table><h2>New user</h2><form method=\"post\" action=\"/admin/users\" class=\"admin\" id=\"new-user\">")
                .append(Layout.csrfField(viewer))
                .append(Forms.field("User name", "name", "", "text"))
                .append(Forms.field("Password (at least 12 characters)", "password", "", "password"))
                .append(detailsFields(null, viewer.user())).append("<button type=\"submit\">Create user</button></form>");
        ctx.html(Layout.page(viewer, "Users and scopes", Optional.empty(), false, body.toString()));
    }

    /** The form fields; roles the viewer may not grant are shown but fixed (a held one is sent back unchanged). */
    private static String detailsFields(User user, User viewer) {
        StringBuilder html = new StringBuilder(Forms.field("Display name", "displayName", user == null ? "" : user.displayName(), "text"));
        Set<Role> grantable = RoleGrants.grantable(viewer);
        boolean self = user != null && user.id() == viewer.id();
        html.append("<fieldset><legend>Roles</legend>");
        for (Role role : Role.values()) {
            boolean checked = user != null && user.roles().contains(role);
            boolean fixed = !grantable.contains(role) || (self && !checked);
            html.append("<label class=\"check\"><input type=\"checkbox\" name=\"roles\" value=\"").append(role.key()).append('"')
                    .append(checked ? " checked" : "").append(fixed ? " disabled" : "").append("> ").append(h(role.title())).append("</label>");
            if (fixed && checked) {
                html.append("<input type=\"hidden\" name=\"roles\" value=\"").append(role.key()).append("\">");
            }
        }
        html.append("<p class=\"muted\">Platform administrators grant the platform role, security administrators the compliance "
                + "roles and scopes; nobody widens their own.</p>");
        html.append("</fieldset><fieldset><legend>Scope</legend><label class=\"check\"><input type=\"checkbox\" name=\"allRegions\" value=\"true\"")
                .append(user != null && user.scope().allRegions() ? " checked" : "").append("> all regions</label>")
                .append(Forms.field("Regions (comma separated)", "regions", user == null ? "" : String.join(", ", user.scope().regions()), "text"))
                .append(Forms.field("Sites (comma separated)", "sites", user == null ? "" : String.join(", ", user.scope().sites()), "text"))
                .append("</fieldset>")
                .append(Forms.field("Time zone", "timeZone", user == null ? "UTC" : user.timeZone().getId(), "text"));
        if (user != null) {
            html.append("<label class=\"check\"><input type=\"checkbox\" name=\"disabled\" value=\"true\"")
                    .append(user.disabled() ? " checked" : "").append("> disabled</label>");
        }
        return html.toString();
    }

    private static String roles(Set<Role> roles) {
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
        ctx.redirect("/admin/users?done=" + Html.url("created user " + user.name()));
    }

    private User target(Context ctx) {
        Integer id = parseId(ctx);
        return services.users().findById(id).orElseThrow(() -> WebException.notFound("no user with id " + id));
    }

    static int parseId(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadParameterException("id", "id is not a number: '" + Params.abbreviate(ctx.pathParam("id")) + "'");
        }
    }

    private void edit(Context ctx) {
        Viewer viewer = administrator(ctx);
        User user = target(ctx);
        String body = Forms.notice(ctx) + "<form method=\"post\" action=\"/admin/users/" + user.id() + "\" class=\"admin\" id=\"edit-user\">"
                + Layout.csrfField(viewer) + detailsFields(user, viewer.user()) + "<button type=\"submit\">Save</button></form>"
                + "<h2>Reset password</h2><form method=\"post\" action=\"/admin/users/" + user.id() + "/password\" class=\"admin\">"
                + Layout.csrfField(viewer) + Forms.field("New password", "password", "", "password")
                + "<button type=\"submit\">Set password</button></form>";
        ctx.html(Layout.page(viewer, "User " + user.name(), Optional.empty(), false, body));
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
        ctx.redirect("/admin/users?done=" + Html.url("saved user " + user.name()));
    }

    private void resetPassword(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_USERS);
        User user = target(ctx);
        services.userAdministration().resetPassword(viewer.user(), user.id(), ctx.formParam("password"), ctx.ip());
        ctx.redirect("/admin/users/" + user.id() + "?done=" + Html.url("password changed; the user's sessions were ended"));
    }
}

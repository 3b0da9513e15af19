package org.patchlake.web.pages;

import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.User;
import org.patchlake.web.report.SnapshotInfo;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.patchlake.web.pages.Html.h;

/** The page shell: navigation by permission, the signed-in user, and when the data was refreshed. */
public final class Layout {
    private record NavItem(String href, String label, Permission permission) {
    }

    private static final List<NavItem> NAV = List.of(
            new NavItem("/dashboard", "Dashboard", Permission.VIEW_DASHBOARD),
            new NavItem("/reports", "Reports", null),
            new NavItem("/remediation", "Remediation", Permission.REMEDIATE),
            new NavItem("/admin/users", "Users", Permission.MANAGE_USERS),
            new NavItem("/admin/tokens", "Enrollment tokens", Permission.MANAGE_ENROLLMENT_TOKENS),
            new NavItem("/admin/severities", "Custom severity", Permission.MANAGE_SEVERITY),
            new NavItem("/admin/sla-policies", "SLA policies", Permission.MANAGE_SLA_POLICIES),
            new NavItem("/admin/exceptions", "Exceptions", Permission.MANAGE_EXCEPTIONS),
            new NavItem("/schedules", "Schedules", Permission.MANAGE_SCHEDULES),
            new NavItem("/jobs", "Jobs", Permission.RUN_JOBS),
            new NavItem("/admin/audit", "Audit log", Permission.VIEW_AUDIT));

    private Layout() {
    }

    /** A full page for a signed-in viewer. {@code snapshot} is empty for pages not computed from the warehouse. */
    public static String page(Viewer viewer, String title, Optional<SnapshotInfo> snapshot, boolean fromWarehouse, String body) {
        User user = viewer.user();
        ZoneId zone = user.timeZone();
        String nav = NAV.stream()
                .filter(item -> item.permission() == null || user.can(item.permission()))
                .map(item -> "<a href=\"" + item.href() + "\">" + h(item.label()) + "</a>")
                .collect(Collectors.joining());
        String roles = user.roles().stream().map(Role::title).sorted().collect(Collectors.joining(", "));
        String refreshed = "";
        if (fromWarehouse) {
            refreshed = snapshot.map(s -> "<p class=\"refreshed\" id=\"refreshed\">Data refreshed "
                            + h(Html.time(s.publishedAt(), zone)) + " (data as of " + h(Html.time(s.dataAsOf(), zone))
                            + ", snapshot " + h(s.id()) + ")</p>")
                    .orElse("<p class=\"refreshed warning\" id=\"refreshed\">No warehouse snapshot has been published yet: "
                            + "reports are empty until the first ETL run.</p>");
        }
        return shell(title, viewer.session().csrfToken(), """
                <header><a class="brand" href="/">Patchlake</a><nav>%s</nav>
                <div class="who"><span>%s</span> <span class="muted">%s · %s</span>
                <form method="post" action="/sign-out" class="inline"><input type="hidden" name="_csrf" value="%s">
                <button type="submit" class="link">Sign out</button></form></div></header>
                <main><h1>%s</h1>%s%s</main>
                """.formatted(nav, h(user.displayName()), h(roles), h(user.scope().describe()),
                h(viewer.session().csrfToken()), h(title), refreshed, body));
    }

    /** A page without navigation (sign-in, errors for anonymous visitors). */
    public static String bare(String title, String body) {
        return shell(title, null, "<main class=\"narrow\"><h1>" + h(title) + "</h1>" + body + "</main>");
    }

    private static String shell(String title, String csrf, String content) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Patchlake</title>%s<link rel="stylesheet" href="/static/patchlake.css">
                <script src="/static/patchlake.js" defer></script></head>
                <body>%s</body></html>
                """.formatted(h(title), csrf == null ? "" : "<meta name=\"csrf-token\" content=\"" + h(csrf) + "\">", content);
    }

    /** The hidden CSRF field every state-changing form carries. */
    public static String csrfField(Viewer viewer) {
        return "<input type=\"hidden\" name=\"_csrf\" value=\"" + h(viewer.session().csrfToken()) + "\">";
    }
}

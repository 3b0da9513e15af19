package org.patchlake.web.pages;

import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.User;
import org.patchlake.web.report.SnapshotInfo;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.patchlake.web.pages.Html.h;

/** The page shell: navigation by permission, the signed-in user, and when the data was refreshed. */
public final class Layout {
    /** A link shown to users with any of {@code permissions} (none: everyone). */
    private record NavItem(String href, String label, Set<Permission> permissions) {
        NavItem(String href, String label, Permission permission) {
            this(href, label, permission == null ? Set.of() : Set.of(permission));
        }

        boolean shownTo(User user) {
            return permissions.isEmpty() || permissions.stream().anyMatch(user::can);
        }
    }

    private static final List<NavItem> NAV = List.of(
            new NavItem("/dashboard", "Dashboard", Permission.VIEW_DASHBOARD),
            new NavItem("/reports", "Reports", Set.of()),
            new NavItem("/remediation", "Remediation", Permission.REMEDIATE),
            new NavItem("/admin/users", "Users", Set.of(Permission.MANAGE_USERS, Permission.GRANT_COMPLIANCE_ROLES)),
            new NavItem("/admin/tokens", "Enrollment tokens", Permission.MANAGE_ENROLLMENT_TOKENS),
            new NavItem("/admin/computers", "Computers", Permission.MOVE_COMPUTERS),
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
                .filter(item -> item.shownTo(user))
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

    /** Writes the body of a streamed page. */
    @FunctionalInterface
    public interface Body {
        void write(Appendable out) throws java.io.IOException;
    }

    private static final String BODY_MARK = "\u0000body\u0000";
    private static final int STREAM_BUFFER = 32 * 1024;

    /**
     * The same page as {@link #page}, streamed: the shell, navigation and title are sent at once, then the body as it
     * is written, in chunks, so a large report starts to show before its last row is written and is never held whole
     * in memory. Compute everything that can fail before calling this: once the first bytes are sent the status is 200.
     */
    public static void stream(io.javalin.http.Context ctx, Viewer viewer, String title, Optional<SnapshotInfo> snapshot, boolean fromWarehouse,
                              Body body) {
        String whole = page(viewer, title, snapshot, fromWarehouse, BODY_MARK);
        int at = whole.indexOf(BODY_MARK);
        ctx.contentType("text/html; charset=utf-8");
        String accepted = ctx.header("Accept-Encoding");
        boolean gzip = accepted != null && accepted.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
            ctx.header("Vary", "Accept-Encoding");
        }
        // straight to the servlet stream (Javalin's compressing stream does not pass flush on); gzip flushed at each chunk
        try (java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(gzip
                ? new java.util.zip.GZIPOutputStream(ctx.res().getOutputStream(), 8192, true) : ctx.res().getOutputStream(),
                java.nio.charset.StandardCharsets.UTF_8), STREAM_BUFFER)) {
            out.write(whole, 0, at);
            out.flush();
            body.write(out);
            out.write(whole, at + BODY_MARK.length(), whole.length() - at - BODY_MARK.length());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot send the page " + title, e);
        }
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

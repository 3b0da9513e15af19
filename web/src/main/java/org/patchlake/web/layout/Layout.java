package org.patchlake.web.layout;

import gg.jte.Content;
import io.javalin.http.Context;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.User;
import org.patchlake.web.report.SnapshotInfo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.stream.Collectors;

/** The page shell (templates {@code layout/page.jte}, {@code layout/bare.jte}): navigation by permission, the signed-in user, and when the data was refreshed. */
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

    /** The shell around a page for a signed-in viewer. {@code snapshot} is empty for pages not computed from the warehouse. */
    public static PageFrame frame(Viewer viewer, String title, Optional<SnapshotInfo> snapshot, boolean fromWarehouse) {
        User user = viewer.user();
        ZoneId zone = user.timeZone();
        List<PageFrame.Link> navigation = NAV.stream().filter(item -> item.shownTo(user))
                .map(item -> new PageFrame.Link(item.href(), item.label())).toList();
        String roles = user.roles().stream().map(Role::title).sorted().collect(Collectors.joining(", "));
        return new PageFrame(title, viewer.session().csrfToken(), navigation, user.displayName(), roles, user.scope().describe(),
                fromWarehouse, snapshot.map(s -> PageFrame.Refreshed.of(s, zone)));
    }

    /**
     * A page from its template, which wraps its body in {@code layout/page.jte} with {@code frame}; {@code parameters}
     * are the template's other parameters by name (null values allowed).
     */
    public static String render(String template, PageFrame frame, Map<String, Object> parameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("frame", frame);
        return Templates.render(template, all);
    }

    private static final int STREAM_BUFFER = 32 * 1024;

    /**
     * A page streamed: the shell, navigation and title are sent at once, then the body template {@code body} with
     * {@code parameters} as it is written, in chunks, so a large report starts to show before its last row is written
     * and is never held whole in memory. Compute everything that can fail before calling this: once the first bytes
     * are sent the status is 200.
     */
    public static void stream(Context ctx, PageFrame frame, String body, Map<String, Object> parameters) {
        ctx.contentType("text/html; charset=utf-8");
        String accepted = ctx.header("Accept-Encoding");
        boolean gzip = accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
            ctx.header("Vary", "Accept-Encoding");
        }
        // straight to the servlet stream (Javalin's compressing stream does not pass flush on); gzip flushed at each chunk
        try (Writer out = new BufferedWriter(new OutputStreamWriter(gzip
                ? new GZIPOutputStream(ctx.res().getOutputStream(), 8192, true) : ctx.res().getOutputStream(),
                StandardCharsets.UTF_8), STREAM_BUFFER)) {
            Content streamed = output -> {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Templates.render(body, parameters, output);
            };
            Templates.render("layout/page.jte", Map.of("frame", frame, "body", streamed), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send the page " + frame.title(), e);
        }
    }
}

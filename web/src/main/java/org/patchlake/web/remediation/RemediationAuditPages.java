package org.patchlake.web.remediation;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.BadParameterException;
import org.patchlake.web.http.Params;
import org.patchlake.web.http.WebException;
import org.patchlake.web.layout.Layout;
import org.patchlake.web.report.LeadingQuoteCellGuard;
import org.patchlake.web.audit.AuditLog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /remediation/audit[?from=YYYY-MM-DD&to=YYYY-MM-DD&format=csv]}: every remediation action (who, when,
 * the report row and parameters, the computers). Security and platform administrators see everyone's; an IT
 * administrator sees their own. The CSV has the full details (JSON) per entry.
 */
final class RemediationAuditPages {
    static final int LIMIT = 10_000;

    private final RemediationStore store;
    private final RemediationAuditCsv csv = new RemediationAuditCsv(new LeadingQuoteCellGuard());

    RemediationAuditPages(RemediationStore store) {
        this.store = store;
    }

    void register(Javalin app) {
        app.get("/remediation/audit", this::audit);
    }

    private void audit(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        boolean everyone = viewer.user().can(Permission.VIEW_AUDIT);
        if (!everyone && !viewer.user().can(Permission.REMEDIATE)) {
            throw WebException.forbidden("your roles do not allow the remediation audit log");
        }
        LocalDate to = Optional.ofNullable(Params.date(ctx, "to")).orElse(LocalDate.now(ZoneOffset.UTC));
        LocalDate from = Optional.ofNullable(Params.date(ctx, "from")).orElse(to.minusDays(90));
        if (from.isAfter(to)) {
            throw new BadParameterException("from", "from " + from + " is after to " + to);
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<AuditLog.Entry> entries = store.audit(start, end, LIMIT).stream()
                .filter(e -> everyone || e.actor().equals(viewer.user().name())).toList();
        String format = Params.oneOf(ctx, "format", List.of("html", "csv"));
        if ("csv".equals(format)) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"remediation-audit-" + from + "-" + to + ".csv\"");
            ctx.result(csv.write(entries));
            return;
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("everyone", everyone);
        parameters.put("entries", entries);
        parameters.put("zone", viewer.user().timeZone());
        ctx.html(Layout.render("remediation/audit.jte", Layout.frame(viewer, "Remediation audit log", Optional.empty(), false), parameters));
    }
}

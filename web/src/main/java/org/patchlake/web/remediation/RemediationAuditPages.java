package org.patchlake.web.remediation;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.BadParameterException;
import org.patchlake.web.http.Params;
import org.patchlake.web.http.WebException;
import org.patchlake.web.pages.Html;
import org.patchlake.web.pages.Layout;
import org.patchlake.web.report.LeadingQuoteCellGuard;
import org.patchlake.web.store.AuditLog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.patchlake.web.pages.Html.h;

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
        ZoneId zone = viewer.user().timeZone();
        StringBuilder body = new StringBuilder("<form method=\"get\" class=\"parameters\"><label>From <input type=\"date\" name=\"from\" value=\"")
                .append(from).append("\"></label><label>To <input type=\"date\" name=\"to\" value=\"").append(to)
                .append("\"></label><button type=\"submit\">Show</button></form><p class=\"exports\">Download: <a id=\"export-csv\" href=\"/remediation/audit?from=")
                .append(from).append("&amp;to=").append(to).append("&amp;format=csv\">CSV</a></p>")
                .append(everyone ? "" : "<p class=\"muted\">Your own actions.</p>")
                .append("<table class=\"report\" id=\"audit\"><thead><tr><th>When</th><th>Who</th><th>Action</th><th>What</th>"
                        + "<th>Details (row, parameters, computers)</th><th>From</th></tr></thead><tbody>");
        for (AuditLog.Entry entry : entries.subList(0, Math.min(500, entries.size()))) {
            String target = entry.target();
            String link = target.startsWith("policy:rem-") ? "<a href=\"/remediation/policies/" + h(target.substring("policy:rem-".length()))
                    + "\">" + h(target) + "</a>" : h(target);
            String details = entry.after() == null ? "" : entry.after();
            body.append("<tr><td>").append(h(Html.time(entry.at(), zone))).append("</td><td>").append(h(entry.actor())).append("</td><td>")
                    .append(h(entry.action())).append("</td><td>").append(link).append("</td><td><code>")
                    .append(h(details.length() > 600 ? details.substring(0, 600) + "..." : details)).append("</code></td><td>")
                    .append(h(entry.clientAddress())).append("</td></tr>");
        }
        body.append("</tbody></table><p class=\"muted rows\">").append(Html.number(entries.size())).append(" entries")
                .append(entries.size() > 500 ? " (500 shown; the CSV has all)" : "").append(".</p>");
        ctx.html(Layout.page(viewer, "Remediation audit log", Optional.empty(), false, body.toString()));
    }
}

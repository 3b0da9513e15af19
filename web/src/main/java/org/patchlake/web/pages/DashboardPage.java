package org.patchlake.web.pages;

import io.javalin.http.Context;
import org.patchlake.reports.sla.SlaReleaseWindow;
import org.patchlake.web.WebServices;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.report.Dashboard;
import org.patchlake.web.report.Ratio;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.patchlake.web.pages.Html.h;
import static org.patchlake.web.pages.Html.number;
import static org.patchlake.web.pages.Html.ratio;

/** The dashboard: headline parts of compliance, SLA attainment, delivery, vulnerabilities and agent health. */
public final class DashboardPage {
    private final WebServices services;

    public DashboardPage(WebServices services) {
        this.services = services;
    }

    public void handle(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.VIEW_DASHBOARD);
        long started = System.nanoTime();
        Optional<Dashboard> dashboard = services.reports().dashboard(viewer.user().scope());
        services.metrics().observe("patchlake_report_duration_seconds", "Time to compute a report or drill-down page",
                (System.nanoTime() - started) / 1e9, "report", "dashboard");
        String body = dashboard.map(d -> render(d, viewer)).orElse("<p>Nothing to show yet.</p>");
        ctx.html(Layout.page(viewer, "Dashboard", dashboard.map(Dashboard::snapshot), true, body));
    }

    static String render(Dashboard d, Viewer viewer) {
        boolean detail = viewer.user().can(Permission.VIEW_COMPLIANCE_REPORTS);
        ZoneId zone = viewer.user().timeZone();
        StringBuilder html = new StringBuilder("<div class=\"grid\">");
        html.append(card("Compliance", "compliance-by-bulletin", detail,
                "<p class=\"big\" id=\"overall-compliance\">" + ratio(d.compliance().compliance()) + "</p>"
                        + "<p>strict (unknown counts as not compliant): " + ratio(d.compliance().strict()) + "</p>"
                        + "<p class=\"muted\">computer x bulletin pairs: applicable " + number(d.compliance().applicable())
                        + ", vulnerable " + number(d.compliance().vulnerable()) + "</p>"
                        + Charts.stateBar(d.compliance())));
        html.append(card("Compliance by region", "regional-compliance", true, Charts.bars(d.regions().stream()
                .map(r -> new Charts.Bar(r.region(), percent(r.counts().compliance()),
                        "/reports/regional-compliance?region=" + Html.url(r.region()),
                        "(" + number(r.counts().installed()) + " / " + number(r.counts().compliance().denominator()) + ")"))
                .toList(), "%")));
        Dashboard.SlaSummary sla = d.sla();
        html.append(card("SLA phase attainment", "sla-attainment", detail,
                "<p class=\"big\">" + ratio(sla.attainment()) + "</p><p class=\"muted\">phases met / (met + missed), bulletins released in the last "
                        + SlaReleaseWindow.DAYS + " days</p>"
                        + "<ul class=\"counts-list\"><li>met " + number(sla.met()) + "</li><li>missed " + number(sla.missed())
                        + "</li><li>on track " + number(sla.onTrack()) + "</li><li>at risk " + number(sla.atRisk()) + "</li></ul>"));
        Dashboard.DeliverySummary delivery = d.delivery();
        html.append(card("Update delivery (30 days)", "delivery-summary", detail,
                "<p class=\"big\">" + ratio(delivery.successRate()) + "</p><p class=\"muted\">succeeded / targeted (policy x computer)</p>"
                        + Charts.bars(List.of(new Charts.Bar("succeeded", delivery.succeeded(), null),
                        new Charts.Bar("succeeded, reboot required", delivery.succeededRebootRequired(), null),
                        new Charts.Bar("failed", delivery.failed(), null),
                        new Charts.Bar("not completed", delivery.notCompleted(), null)), "")));
        html.append(card("Vulnerabilities (required updates)", "vulnerability-summary", detail, Charts.bars(d.vulnerabilities().stream()
                .map(v -> new Charts.Bar(v.severity() + " (" + number(v.exploited()) + " exploited)", v.required(), null)).toList(), "")));
        Dashboard.AgentHealth agents = d.agents();
        html.append(card("Agent health", "agent-health", viewer.user().can(Permission.VIEW_AGENT_HEALTH),
                "<p class=\"big\">" + ratio(agents.reportingShare()) + "</p><p class=\"muted\">computers reporting / computers</p>"
                        + "<ul class=\"counts-list\"><li>computers " + number(agents.computers()) + "</li><li>not reporting "
                        + number(agents.notReporting()) + "</li><li>with scan errors " + number(agents.withScanErrors()) + "</li></ul>"));
        html.append("</div>");
        html.append("<section class=\"card wide\"><h2>Compliance trend</h2>").append(Charts.line(d.trend().stream()
                .map(p -> new Charts.Point(p.day().toString(), percent(p.counts().compliance()))).toList(), List.of()));
        if (!d.trend().isEmpty()) {
            Dashboard.TrendPoint first = d.trend().get(0);
            Dashboard.TrendPoint last = d.trend().get(d.trend().size() - 1);
            html.append("<p class=\"muted\" id=\"trend-counts\">").append(h(first.day())).append(": ").append(ratio(first.counts().compliance()))
                    .append(" &rarr; ").append(h(last.day())).append(": ").append(ratio(last.counts().compliance()))
                    .append(" (computer x bulletin pairs installed / applicable known)</p>");
        }
        html.append("</section>");
        if (detail && !d.topRisks().isEmpty()) {
            html.append("<section class=\"card wide\"><h2>Top risks</h2><table class=\"report\" id=\"top-risks\"><thead><tr><th>Bulletin</th>"
                    + "<th>Title</th><th>Severity</th><th>Exploited</th><th class=\"num\">Vulnerable computers</th></tr></thead><tbody>");
            for (Dashboard.BulletinRisk risk : d.topRisks()) {
                html.append("<tr><td><a class=\"drill\" href=\"/bulletins/").append(Html.url(risk.bulletinId())).append("\">")
                        .append(h(risk.bulletinId())).append("</a></td><td>").append(h(risk.title())).append("</td><td>")
                        .append(h(risk.severity())).append("</td><td>").append(risk.exploited() ? "yes" : "no")
                        .append("</td><td class=\"num\">").append(number(risk.vulnerable())).append("</td></tr>");
            }
            html.append("</tbody></table></section>");
        }
        html.append("<p class=\"muted\">Times shown in ").append(h(zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC (Z)"
                : zone.getId())).append(".</p>");
        return html.toString();
    }

    private static double percent(Ratio ratio) {
        return Double.isNaN(ratio.percent()) ? 0 : Math.round(ratio.percent() * 10) / 10.0;
    }

    private static String card(String title, String reportId, boolean link, String content) {
        String heading = link ? "<a href=\"/reports/" + reportId + "\">" + h(title) + "</a>" : h(title);
        return "<section class=\"card\"><h2>" + heading + "</h2>" + content + "</section>";
    }
}

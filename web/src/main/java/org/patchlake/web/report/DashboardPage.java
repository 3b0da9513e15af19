package org.patchlake.web.report;

import io.javalin.http.Context;
import org.patchlake.web.WebServices;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.layout.Formats;
import org.patchlake.web.layout.Layout;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


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
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("view", dashboard.map(d -> view(d, viewer)).orElse(null));
        ctx.html(Layout.render("pages/dashboard.jte", Layout.frame(viewer, "Dashboard", dashboard.map(Dashboard::snapshot), true),
                parameters));
    }

    /**
     * What the template {@code pages/dashboard.jte} shows: the dashboard's figures, its charts, and which cards link to
     * their report for this viewer.
     */
    public record View(Dashboard dashboard, boolean detail, boolean summary, boolean drillDowns, boolean agentDetail, Charts.Chart states, Charts.Chart regions,
                       Charts.Chart delivery, Charts.Chart vulnerabilities, Charts.Chart trend, String zone) {
    }

    static View view(Dashboard d, Viewer viewer) {
        ZoneId zone = viewer.user().timeZone();
        boolean summary = viewer.user().can(Report.REGIONAL_COMPLIANCE.permission());
        Charts.Chart regions = Charts.bars(d.regions().stream()
                .map(r -> new Charts.Bar(r.region(), percent(r.counts().compliance()),
                        summary && viewer.user().scope().permitsRegion(r.region()) ? "/reports/regional-compliance?region=" + Formats.url(r.region()) : null,
                        "(" + Formats.number(r.counts().installed()) + " / " + Formats.number(r.counts().compliance().denominator()) + ")"))
                .toList(), "%");
        Dashboard.DeliverySummary delivery = d.delivery();
        Charts.Chart deliveries = Charts.bars(List.of(new Charts.Bar("succeeded", delivery.succeeded(), null),
                new Charts.Bar("succeeded, reboot required", delivery.succeededRebootRequired(), null),
                new Charts.Bar("failed", delivery.failed(), null),
                new Charts.Bar("not completed", delivery.notCompleted(), null)), "");
        Charts.Chart vulnerabilities = Charts.bars(d.vulnerabilities().stream()
                .map(v -> new Charts.Bar(v.severity() + " (" + Formats.number(v.exploited()) + " exploited)", v.required(), null)).toList(), "");
        Charts.Chart trend = Charts.line(d.trend().stream()
                .map(p -> new Charts.Point(p.day().toString(), percent(p.counts().compliance()))).toList());
        return new View(d, viewer.user().can(Permission.VIEW_COMPLIANCE_REPORTS), summary, viewer.user().can(Permission.VIEW_DRILL_DOWNS),
                viewer.user().can(Permission.VIEW_AGENT_HEALTH),
                Charts.stateBar(d.compliance()), regions, deliveries, vulnerabilities, trend,
                zone.normalized().equals(ZoneOffset.UTC) ? "UTC (Z)" : zone.getId());
    }

    private static double percent(Ratio ratio) {
        return Double.isNaN(ratio.percent()) ? 0 : Math.round(ratio.percent() * 10) / 10.0;
    }
}

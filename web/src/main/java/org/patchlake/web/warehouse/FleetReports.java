package org.patchlake.web.warehouse;

import org.patchlake.reports.query.CatalogQueries;
import org.patchlake.reports.query.DeliveryQueries;
import org.patchlake.reports.query.FleetQueries;
import org.patchlake.reports.query.Page;
import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.QueryResult;
import org.patchlake.reports.query.Scope;
import org.patchlake.web.report.Ratio;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportColumn.Link;
import org.patchlake.web.report.ReportColumn;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportResult.Figure;
import org.patchlake.web.report.ReportResult;
import org.patchlake.web.report.ReportTable;
import org.patchlake.web.report.ReturnCodes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.patchlake.web.warehouse.Cells.cells;
import static org.patchlake.web.warehouse.WarehouseReports.filter;
import static org.patchlake.web.warehouse.WarehouseReports.limit;
import static org.patchlake.web.warehouse.WarehouseReports.snapshot;

/** Reports 5 (delivery), 6 (reboot status), 7 (vulnerabilities), 8 (agent rollout and health) and 11 (exceptions). */
final class FleetReports {
    static final int DEFAULT_NOT_REPORTING_DAYS = 14;
    static final int EXPIRING_WITHIN_DAYS = 14;

    private final QueryLayer queries;

    FleetReports(QueryLayer queries) {
        this.queries = queries;
    }

    /**
     * [from, to): the days asked for, or by default the {@code defaultWindow} ending with the data's own day (UTC), the
     * same as asking for {@code to} = that day: whatever happened that day counts, such as a policy created and installed
     * today, or an attempt an agent whose clock runs a little ahead dated after the data-as-of moment.
     */
    Instant[] window(ReportParameters p, Instant dataAsOf, Duration defaultWindow) {
        java.time.LocalDate lastDay = p.to() != null ? p.to() : java.time.LocalDate.ofInstant(dataAsOf, ZoneOffset.UTC);
        Instant to = lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant from = p.from() == null ? to.minus(defaultWindow) : p.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Instant[] {from, to};
    }

    ReportResult delivery(Report report, ReportParameters p, Scope scope) {
        Instant[] window = window(p, queries.warehouse().currentSnapshot().dataAsOf(), DeliveryQueries.DEFAULT_WINDOW);
        QueryFilter filter = filter(p).between(null, null);
        QueryResult<DeliveryQueries.PolicyDelivery> policies = queries.deliveries().byPolicy(scope, filter, window[0], window[1]);
        QueryResult<DeliveryQueries.ReturnCodeCount> codes = queries.deliveries().returnCodes(scope, filter, window[0], window[1], null);
        List<List<Object>> policyRows = new ArrayList<>();
        long succeeded = 0;
        long targets = 0;
        for (DeliveryQueries.PolicyDelivery d : policies.rows()) {
            policyRows.add(cells(d.policyId(), d.policyName(), d.targets(), d.succeeded(), d.succeededRebootRequired(), d.failed(),
                    d.notCompleted(), d.attempts(), new Ratio(d.succeeded(), d.targets())));
            succeeded += d.succeeded();
            targets += d.targets();
        }
        List<List<Object>> codeRows = new ArrayList<>();
        for (DeliveryQueries.ReturnCodeCount c : codes.rows()) {
            codeRows.add(cells(ReturnCodes.code(c.returnCode()), c.hex(), ReturnCodes.meaning(c.returnCode(), c.meaning()), c.attempts(),
                    c.failedAttempts(), c.computers()));
        }
        return new ReportResult(report.title(), snapshot(policies), List.of(new Figure("Window", window[0] + " to " + window[1]),
                new Figure("Succeeded / targeted", new Ratio(succeeded, targets))), List.of(
                new ReportTable("Per policy", List.of(ReportColumn.text("policy_id", "Policy"), ReportColumn.text("policy_name", "Name"),
                        ReportColumn.number("targets", "Targeted"), ReportColumn.number("succeeded", "Succeeded"),
                        ReportColumn.number("succeeded_reboot_required", "of which reboot required"), ReportColumn.number("failed", "Failed"),
                        ReportColumn.number("not_completed", "Not completed"), ReportColumn.number("attempts", "Attempts"),
                        ReportColumn.ratio("success", "Succeeded / targeted")), limit(policyRows, p.limit()), policyRows.size(), null),
                new ReportTable("Return codes", List.of(ReportColumn.text("return_code", "Return code"), ReportColumn.text("hex", "Hex"),
                        ReportColumn.text("meaning", "Meaning"), ReportColumn.number("attempts", "Attempts"),
                        ReportColumn.number("failed_attempts", "Failed attempts"), ReportColumn.number("computers", "Computers")),
                        limit(codeRows, p.limit()), codeRows.size(), null)
                        .withChart(new ReportTable.Chart(ReportTable.Chart.Kind.BAR, "hex", List.of("attempts")))));
    }

    ReportResult reboots(Report report, ReportParameters p, Scope scope) {
        QueryResult<DeliveryQueries.PendingReboot> result = queries.deliveries().pendingReboots(scope, filter(p), Page.first(p.limit()));
        List<List<Object>> rows = new ArrayList<>();
        for (DeliveryQueries.PendingReboot r : result.rows()) {
            rows.add(cells(r.computerId(), r.hostname(), r.region(), r.site(), r.computerClass(), r.pendingSince(), r.lastBootAt(),
                    r.hoursPending() == null ? null : Math.round(r.hoursPending() * 10) / 10.0, r.updatesPendingReboot()));
        }
        long pending = queries.deliveries().pendingRebootCount(scope, filter(p)).single().computers();
        return new ReportResult(report.title(), snapshot(result), List.of(new Figure("Computers pending restart", pending)),
                List.of(new ReportTable("Computers pending restart (longest first)", List.of(
                        ReportColumn.linked("computer_id", "Computer", Link.COMPUTER), ReportColumn.text("hostname", "Host name"),
                        ReportColumn.linked("region", "Region", Link.REGION), ReportColumn.linked("site", "Site", Link.SITE),
                        ReportColumn.text("computer_class", "Class"), ReportColumn.timestamp("pending_since", "Pending since"),
                        ReportColumn.timestamp("last_boot_at", "Last boot"), ReportColumn.number("hours_pending", "Hours pending"),
                        ReportColumn.number("updates", "Updates waiting")), rows, pending, null)));
    }

    ReportResult vulnerabilities(Report report, ReportParameters p, Scope scope) {
        QueryResult<FleetQueries.VulnerabilityCount> result = queries.fleet().vulnerabilities(scope, filter(p).between(null, null));
        List<List<Object>> rows = new ArrayList<>();
        for (FleetQueries.VulnerabilityCount v : result.rows()) {
            rows.add(cells(v.severity(), v.exploited(), v.vulnerableUpdates(), v.required(), v.failed(), v.pendingReboot(), v.computers(),
                    v.bulletins()));
        }
        LocalDate to = p.to() == null ? LocalDate.ofInstant(result.dataAsOf(), ZoneOffset.UTC) : p.to();
        LocalDate from = p.from() == null ? to.minusDays(30) : p.from();
        QueryResult<FleetQueries.VulnerabilityTrendPoint> trend = queries.fleet().vulnerabilityTrend(scope, filter(p).between(null, null), from, to);
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        for (FleetQueries.VulnerabilityTrendPoint point : trend.rows()) {
            long[] sums = byDay.computeIfAbsent(point.day(), d -> new long[2]);
            sums[0] += point.vulnerable();
            sums[1] += point.applicable();
        }
        List<List<Object>> trendRows = new ArrayList<>();
        byDay.forEach((day, sums) -> trendRows.add(cells(day, sums[0], new Ratio(sums[0], sums[1]))));
        return new ReportResult(report.title(), snapshot(result), List.of(), List.of(
                new ReportTable("Required updates by severity and exploit status", List.of(ReportColumn.text("severity", "Severity"),
                        new ReportColumn("exploited", "Exploited", ReportColumn.Kind.BOOLEAN, Link.NONE),
                        ReportColumn.number("vulnerable_updates", "Vulnerable (computer x update)"), ReportColumn.number("required", "Required"),
                        ReportColumn.number("failed", "Failed"), ReportColumn.number("pending_reboot", "Pending reboot"),
                        ReportColumn.number("computers", "Computers"), ReportColumn.number("bulletins", "Bulletins")), rows)
                        .withChart(new ReportTable.Chart(ReportTable.Chart.Kind.BAR, "severity", List.of("vulnerable_updates"))),
                new ReportTable("Trend: vulnerable share of applicable pairs", List.of(ReportColumn.date("day", "Day"),
                        ReportColumn.number("vulnerable", "Vulnerable"), ReportColumn.ratio("share", "Vulnerable / applicable")), trendRows)
                        .withChart(new ReportTable.Chart(ReportTable.Chart.Kind.LINE, "day", List.of("share")))));
    }

    ReportResult agents(Report report, ReportParameters p, Scope scope) {
        int days = p.days() == null ? DEFAULT_NOT_REPORTING_DAYS : p.days();
        QueryResult<FleetQueries.AgentHealth> health = queries.fleet().agentHealth(scope, filter(p), days);
        FleetQueries.AgentHealth h = health.single();
        QueryResult<FleetQueries.AgentVersion> versions = queries.fleet().agentVersions(scope, filter(p));
        List<List<Object>> versionRows = new ArrayList<>();
        for (FleetQueries.AgentVersion v : versions.rows()) {
            versionRows.add(cells(v.agentVersion() == null ? "(no agent)" : v.agentVersion(), v.computers(), new Ratio(v.computers(), h.computers())));
        }
        return new ReportResult(report.title(), snapshot(health), List.of(new Figure("Computers", h.computers()),
                new Figure("With an agent", new Ratio(h.withAgent(), h.computers())), new Figure("Without an agent", h.withoutAgent()),
                new Figure("Not reporting in " + days + " days", new Ratio(h.notReporting(), h.computers())),
                new Figure("With scan errors", h.withScanErrors()),
                new Figure("OS not resolved to catalog products", h.osUnresolved())), List.of(
                new ReportTable("Agent versions", List.of(ReportColumn.text("agent_version", "Agent version"),
                        ReportColumn.number("computers", "Computers"), ReportColumn.ratio("share", "Share")), versionRows)
                        .withChart(new ReportTable.Chart(ReportTable.Chart.Kind.BAR, "agent_version", List.of("computers"))),
                agentTable("Not reporting in " + days + " days", queries.fleet().agentComputers(scope, filter(p), days, false, Page.first(p.limit()))),
                agentTable("With scan errors", queries.fleet().agentComputers(scope, filter(p), days, true, Page.first(p.limit()))),
                unresolvedTable(queries.fleet().unresolvedOperatingSystems(scope, filter(p), Page.first(p.limit())), h.osUnresolved())));
    }

    /** Computers whose OS the ETL could not resolve to the catalog's products: their in-box products are not evaluated. */
    private static ReportTable unresolvedTable(QueryResult<FleetQueries.UnresolvedComputer> result, long total) {
        List<List<Object>> rows = new ArrayList<>();
        for (FleetQueries.UnresolvedComputer c : result.rows()) {
            rows.add(cells(c.computerId(), c.hostname(), c.region(), c.site(), c.agentVersion(), c.osName(), c.osVersion(),
                    c.osBuild(), c.osProduct(), c.lastInventoryAt(), c.reason()));
        }
        return new ReportTable("OS not resolved to catalog products (in-box .NET, Internet Explorer, ... not evaluated)", List.of(
                ReportColumn.linked("computer_id", "Computer", Link.COMPUTER), ReportColumn.text("hostname", "Host name"),
                ReportColumn.linked("region", "Region", Link.REGION), ReportColumn.linked("site", "Site", Link.SITE),
                ReportColumn.text("agent_version", "Agent"), ReportColumn.text("os_name", "OS name"),
                ReportColumn.text("os_version", "OS version"), ReportColumn.text("os_build", "Build"),
                ReportColumn.text("os_product", "OS product (agent)"), ReportColumn.timestamp("last_inventory_at", "Last inventory"),
                ReportColumn.text("reason", "Why")), rows, total, null);
    }

    private static ReportTable agentTable(String title, QueryResult<FleetQueries.AgentComputer> result) {
        List<List<Object>> rows = new ArrayList<>();
        for (FleetQueries.AgentComputer c : result.rows()) {
            rows.add(cells(c.computerId(), c.hostname(), c.region(), c.site(), c.computerClass(), c.agentVersion(), c.lastInventoryAt(),
                    c.scanErrorCount(), c.lastScanError()));
        }
        return new ReportTable(title, List.of(ReportColumn.linked("computer_id", "Computer", Link.COMPUTER),
                ReportColumn.text("hostname", "Host name"), ReportColumn.linked("region", "Region", Link.REGION),
                ReportColumn.linked("site", "Site", Link.SITE), ReportColumn.text("computer_class", "Class"),
                ReportColumn.text("agent_version", "Agent"), ReportColumn.timestamp("last_inventory_at", "Last inventory"),
                ReportColumn.number("scan_errors", "Scan errors"), ReportColumn.text("last_scan_error", "Last scan error")), rows);
    }

    ReportResult exceptions(Report report, ReportParameters p, Scope scope) {
        QueryResult<CatalogQueries.ExceptionRow> result = queries.catalog().exceptions(scope, filter(p), EXPIRING_WITHIN_DAYS);
        List<List<Object>> rows = new ArrayList<>();
        long[] byStatus = new long[3];
        for (CatalogQueries.ExceptionRow e : result.rows()) {
            byStatus[e.status().ordinal()]++;
            rows.add(cells(e.exceptionId(), e.computerId(), e.hostname(), e.region(), e.site(), e.bulletinId(), e.severity(), e.owner(),
                    e.reason(), e.grantedAt(), e.expiresAt(), e.status().name().toLowerCase()));
        }
        return new ReportResult(report.title(), snapshot(result), List.of(new Figure("Active", byStatus[0]),
                new Figure("Expiring within " + EXPIRING_WITHIN_DAYS + " days", byStatus[1]), new Figure("Expired", byStatus[2])),
                List.of(new ReportTable("Exceptions", List.of(ReportColumn.text("exception_id", "Exception"),
                        ReportColumn.linked("computer_id", "Computer", Link.COMPUTER), ReportColumn.text("hostname", "Host name"),
                        ReportColumn.text("region", "Region"), ReportColumn.text("site", "Site"),
                        ReportColumn.linked("bulletin_id", "Bulletin", Link.BULLETIN), ReportColumn.text("severity", "Severity"),
                        ReportColumn.text("owner", "Owner"), ReportColumn.text("reason", "Reason"), ReportColumn.timestamp("granted_at", "Granted"),
                        ReportColumn.timestamp("expires_at", "Expires"), ReportColumn.text("status", "Status")),
                        limit(rows, p.limit()), rows.size(), null)));
    }
}

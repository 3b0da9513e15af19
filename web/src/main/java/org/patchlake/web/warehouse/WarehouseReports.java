package org.patchlake.web.warehouse;

import org.patchlake.reports.query.CatalogQueries;
import org.patchlake.reports.query.ComplianceCounts;
import org.patchlake.reports.query.ComplianceRows.BulletinCompliance;
import org.patchlake.reports.query.ComplianceRows.ComputerCompliance;
import org.patchlake.reports.query.ComplianceRows.DailyCompliance;
import org.patchlake.reports.query.ComplianceRows.GroupCompliance;
import org.patchlake.reports.query.ComplianceRows.UpdateCompliance;
import org.patchlake.reports.query.DeliveryQueries;
import org.patchlake.reports.query.FleetQueries;
import org.patchlake.reports.query.Page;
import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.QueryResult;
import org.patchlake.reports.query.Scope;
import org.patchlake.reports.query.Sorts;
import org.patchlake.reports.sla.SlaPolicy;
import org.patchlake.reports.sla.SlaQueries;
import org.patchlake.reports.sla.SlaRows;
import org.patchlake.web.report.Counts;
import org.patchlake.web.report.Ratio;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportColumn;
import org.patchlake.web.report.ReportColumn.Link;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportResult;
import org.patchlake.web.report.ReportResult.Figure;
import org.patchlake.web.report.ReportTable;
import org.patchlake.web.report.SnapshotInfo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.patchlake.web.warehouse.Cells.cells;
import static org.patchlake.web.warehouse.Cells.columns;
import static org.patchlake.web.warehouse.Cells.countCells;
import static org.patchlake.web.warehouse.Cells.countColumns;
import static org.patchlake.web.warehouse.Cells.row;

/** The twelve reports of DESIGN.md as report tables, over the reports module's query layer. */
final class WarehouseReports {
    static final int DEFAULT_NOT_REPORTING_DAYS = 14;
    static final int EXPIRING_WITHIN_DAYS = 14;

    private final QueryLayer queries;
    private final Supplier<List<SlaPolicy>> slaPolicies;
    private final Function<String, String> customSeverity;

    WarehouseReports(QueryLayer queries, Supplier<List<SlaPolicy>> slaPolicies, Function<String, String> customSeverity) {
        this.queries = queries;
        this.slaPolicies = slaPolicies;
        this.customSeverity = customSeverity;
    }

    static SnapshotInfo snapshot(QueryResult<?> result) {
        return new SnapshotInfo(result.snapshotId(), result.publishedAt(), result.dataAsOf());
    }

    static QueryFilter filter(ReportParameters p) {
        return new QueryFilter(p.severity() == null ? java.util.Set.of() : java.util.Set.of(p.severity()),
                p.computerClass() == null ? java.util.Set.of() : java.util.Set.of(p.computerClass()),
                java.util.Set.of(), java.util.Set.of(), p.from(), p.to());
    }

    ReportResult run(Report report, ReportParameters p, Scope scope) {
        return switch (report) {
            case COMPLIANCE_BY_BULLETIN -> byBulletin(report, p, scope);
            case COMPLIANCE_BY_COMPUTER -> byComputer(report, p, scope);
            case COMPLIANCE_BY_UPDATE -> byUpdate(report, p, scope);
            case SLA_ATTAINMENT -> sla(report, p, scope);
            case DELIVERY_SUMMARY -> delivery(report, p, scope);
            case REBOOT_STATUS -> reboots(report, p, scope);
            case VULNERABILITY_SUMMARY -> vulnerabilities(report, p, scope);
            case AGENT_HEALTH -> agents(report, p, scope);
            case BULLETIN_DETAILS -> bulletins(report, p, scope);
            case REGIONAL_COMPLIANCE -> regional(report, p, scope);
            case EXCEPTIONS -> exceptions(report, p, scope);
            case EXECUTIVE_SUMMARY -> executive(report, p, scope);
        };
    }

    private static <T> List<T> limit(List<T> rows, int limit) {
        return rows.size() <= limit ? rows : rows.subList(0, limit);
    }

    ReportTable bulletinTable(String title, List<BulletinCompliance> rows, int limit, long total) {
        List<List<Object>> cells = new ArrayList<>();
        for (BulletinCompliance b : limit(rows, limit)) {
            cells.add(row(cells(b.bulletinId(), b.title(), severityText(b.bulletinId(), b.severity()), b.released(), b.exploited()),
                    countCells(b.counts())));
        }
        return new ReportTable(title, columns(List.of(ReportColumn.linked("bulletin_id", "Bulletin", Link.BULLETIN),
                ReportColumn.text("title", "Title"), ReportColumn.text("severity", "Severity"), ReportColumn.date("released", "Released"),
                new ReportColumn("exploited", "Exploited", ReportColumn.Kind.BOOLEAN, Link.NONE)), countColumns()), cells, total, null)
                .withChart(new ReportTable.Chart(ReportTable.Chart.Kind.BAR, "bulletin_id", List.of("compliance")));
    }

    private String severityText(String bulletinId, String vendor) {
        String custom = customSeverity.apply(bulletinId);
        return custom == null ? vendor : custom + " (vendor: " + vendor + ")";
    }

    private ReportResult byBulletin(Report report, ReportParameters p, Scope scope) {
        QueryResult<BulletinCompliance> result = queries.compliance().byBulletin(scope, filter(p), Sorts.BulletinSort.MOST_VULNERABLE);
        Counts total = Cells.sum(result.rows().stream().map(BulletinCompliance::counts).toList());
        return new ReportResult(report.title(), snapshot(result), headline(total, result.rows().size(), "Bulletins"),
                List.of(bulletinTable("Bulletins (most vulnerable first)", result.rows(), p.limit(), result.rows().size())));
    }

    static List<Figure> headline(Counts total, long items, String itemLabel) {
        return List.of(new Figure("Compliance", total.compliance()), new Figure("Strict compliance (unknown = not compliant)", total.strict()),
                new Figure("Applicable computer x bulletin pairs", total.applicable()), new Figure("Vulnerable", total.vulnerable()),
                new Figure("Exempt", total.exempt()), new Figure("Unknown", total.unknown()), new Figure(itemLabel, items));
    }

    private ReportResult byComputer(Report report, ReportParameters p, Scope scope) {
        QueryResult<ComputerCompliance> result = queries.compliance().byComputer(scope, filter(p), Sorts.ComputerSort.MOST_VULNERABLE,
                Page.first(p.limit()));
        List<List<Object>> rows = new ArrayList<>();
        for (ComputerCompliance c : result.rows()) {
            rows.add(row(cells(c.computerId(), c.hostname(), c.region(), c.site(), c.computerClass(), c.managedLevel(), c.lastInventoryAt(),
                    c.pendingReboot()), countCells(c.counts())));
        }
        return new ReportResult(report.title(), snapshot(result), List.of(), List.of(new ReportTable("Computers (most vulnerable first)",
                columns(computerColumns(), countColumns()), rows)));
    }

    static List<ReportColumn> computerColumns() {
        return List.of(ReportColumn.linked("computer_id", "Computer", Link.COMPUTER), ReportColumn.text("hostname", "Host name"),
                ReportColumn.linked("region", "Region", Link.REGION), ReportColumn.linked("site", "Site", Link.SITE),
                ReportColumn.text("computer_class", "Class"), ReportColumn.number("managed_level", "Level"),
                ReportColumn.timestamp("last_inventory_at", "Last inventory"),
                new ReportColumn("pending_reboot", "Pending reboot", ReportColumn.Kind.BOOLEAN, Link.NONE));
    }

    private ReportResult byUpdate(Report report, ReportParameters p, Scope scope) {
        QueryResult<UpdateCompliance> result = queries.compliance().byUpdate(scope, filter(p), null);
        List<List<Object>> rows = new ArrayList<>();
        for (UpdateCompliance u : limit(result.rows(), p.limit())) {
            rows.add(row(cells(u.kb(), u.product(), u.bulletinId(), u.severity()), countCells(u.counts())));
        }
        return new ReportResult(report.title(), snapshot(result), List.of(), List.of(new ReportTable("Updates", columns(List.of(
                ReportColumn.text("kb", "KB"), ReportColumn.text("product", "Product"), ReportColumn.linked("bulletin_id", "Bulletin", Link.BULLETIN),
                ReportColumn.text("severity", "Severity")), countColumns()), rows, result.rows().size(), null)));
    }

    QueryResult<SlaRows.SlaAttainment> attainment(ReportParameters p, Scope scope) {
        Instant asOf = p.asOf() == null ? null : p.asOf().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return queries.sla().attainment(scope, filter(p), slaPolicies.get(), asOf);
    }

    private ReportResult sla(Report report, ReportParameters p, Scope scope) {
        QueryResult<SlaRows.SlaAttainment> result = attainment(p, scope);
        List<List<Object>> rows = new ArrayList<>();
        for (SlaRows.SlaAttainment a : limit(result.rows(), p.limit())) {
            rows.add(cells(a.bulletinId(), a.title(), a.severity(), a.policy(), a.phase(), a.targetPercent(), a.deadline(),
                    a.region() == null ? "all" : a.region(), new Ratio(a.compliantAtDeadline(), Math.max(0, a.denominator())),
                    new Ratio(a.compliantNow(), Math.max(0, a.denominator())), a.exempt(), a.unknown(), a.status().name()));
        }
        List<List<Object>> summary = new ArrayList<>();
        for (SlaRows.SlaSummary s : SlaQueries.summary(result)) {
            summary.add(cells(s.severity(), s.policy(), s.phase(), s.met(), s.missed(), s.onTrack(), s.atRisk(),
                    new Ratio(s.met(), s.met() + s.missed())));
        }
        return new ReportResult(report.title(), snapshot(result), List.of(), List.of(
                new ReportTable("Attainment by severity and phase", List.of(ReportColumn.text("severity", "Severity"),
                        ReportColumn.text("policy", "Policy"), ReportColumn.text("phase", "Phase"), ReportColumn.number("met", "Met"),
                        ReportColumn.number("missed", "Missed"), ReportColumn.number("on_track", "On track"),
                        ReportColumn.number("at_risk", "At risk"), ReportColumn.ratio("attainment", "Met / decided")), summary),
                new ReportTable("Bulletin x phase", List.of(ReportColumn.linked("bulletin_id", "Bulletin", Link.BULLETIN),
                        ReportColumn.text("title", "Title"), ReportColumn.text("severity", "Severity"), ReportColumn.text("policy", "Policy"),
                        ReportColumn.text("phase", "Phase"), ReportColumn.number("target", "Target %"), ReportColumn.timestamp("deadline", "Deadline"),
                        ReportColumn.text("region", "Region"), ReportColumn.ratio("at_deadline", "Compliant at deadline"),
                        ReportColumn.ratio("now", "Compliant now"), ReportColumn.number("exempt", "Exempt"),
                        ReportColumn.number("unknown", "Unknown"), ReportColumn.text("status", "Status")), rows, result.rows().size(), null)));
    }

    Instant[] window(ReportParameters p, Instant dataAsOf, Duration defaultWindow) {
        Instant to = p.to() == null ? dataAsOf : p.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant from = p.from() == null ? to.minus(defaultWindow) : p.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Instant[] {from, to};
    }

    private ReportResult delivery(Report report, ReportParameters p, Scope scope) {
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
            codeRows.add(cells(c.returnCode(), c.hex(), c.meaning(), c.attempts(), c.failedAttempts(), c.computers()));
        }
        return new ReportResult(report.title(), snapshot(policies), List.of(new Figure("Window", window[0] + " to " + window[1]),
                new Figure("Succeeded / targeted", new Ratio(succeeded, targets))), List.of(
                new ReportTable("Per policy", List.of(ReportColumn.text("policy_id", "Policy"), ReportColumn.text("policy_name", "Name"),
                        ReportColumn.number("targets", "Targeted"), ReportColumn.number("succeeded", "Succeeded"),
                        ReportColumn.number("succeeded_reboot_required", "of which reboot required"), ReportColumn.number("failed", "Failed"),
                        ReportColumn.number("not_completed", "Not completed"), ReportColumn.number("attempts", "Attempts"),
                        ReportColumn.ratio("success", "Succeeded / targeted")), limit(policyRows, p.limit()), policyRows.size(), null),
                new ReportTable("Return codes", List.of(ReportColumn.number("return_code", "Return code"), ReportColumn.text("hex", "Hex"),
                        ReportColumn.text("meaning", "Meaning"), ReportColumn.number("attempts", "Attempts"),
                        ReportColumn.number("failed_attempts", "Failed attempts"), ReportColumn.number("computers", "Computers")),
                        limit(codeRows, p.limit()), codeRows.size(), null)
                        .withChart(new ReportTable.Chart(ReportTable.Chart.Kind.BAR, "hex", List.of("attempts")))));
    }

    private ReportResult reboots(Report report, ReportParameters p, Scope scope) {
        QueryResult<DeliveryQueries.PendingReboot> result = queries.deliveries().pendingReboots(scope, filter(p), Page.first(p.limit()));
        List<List<Object>> rows = new ArrayList<>();
        for (DeliveryQueries.PendingReboot r : result.rows()) {
            rows.add(cells(r.computerId(), r.hostname(), r.region(), r.site(), r.computerClass(), r.pendingSince(), r.lastBootAt(),
                    r.hoursPending() == null ? null : Math.round(r.hoursPending() * 10) / 10.0, r.updatesPendingReboot()));
        }
        return new ReportResult(report.title(), snapshot(result), List.of(new Figure("Computers pending restart (shown)", rows.size())),
                List.of(new ReportTable("Computers pending restart (longest first)", List.of(
                        ReportColumn.linked("computer_id", "Computer", Link.COMPUTER), ReportColumn.text("hostname", "Host name"),
                        ReportColumn.linked("region", "Region", Link.REGION), ReportColumn.linked("site", "Site", Link.SITE),
                        ReportColumn.text("computer_class", "Class"), ReportColumn.timestamp("pending_since", "Pending since"),
                        ReportColumn.timestamp("last_boot_at", "Last boot"), ReportColumn.number("hours_pending", "Hours pending"),
                        ReportColumn.number("updates", "Updates waiting")), rows)));
    }

    private ReportResult vulnerabilities(Report report, ReportParameters p, Scope scope) {
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

    private ReportResult agents(Report report, ReportParameters p, Scope scope) {
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
                new Figure("With scan errors", h.withScanErrors())), List.of(
                new ReportTable("Agent versions", List.of(ReportColumn.text("agent_version", "Agent version"),
                        ReportColumn.number("computers", "Computers"), ReportColumn.ratio("share", "Share")), versionRows)
                        .withChart(new ReportTable.Chart(ReportTable.Chart.Kind.BAR, "agent_version", List.of("computers"))),
                agentTable("Not reporting in " + days + " days", queries.fleet().agentComputers(scope, filter(p), days, false, Page.first(p.limit()))),
                agentTable("With scan errors", queries.fleet().agentComputers(scope, filter(p), days, true, Page.first(p.limit())))));
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

    private ReportResult bulletins(Report report, ReportParameters p, Scope scope) {
        QueryResult<BulletinCompliance> all = queries.compliance().byBulletin(scope, filter(p), Sorts.BulletinSort.RELEASED_NEWEST);
        QueryResult<CatalogQueries.SupersededBulletin> superseded = queries.catalog().supersededBulletins(scope, filter(p), Page.first(p.limit()));
        List<List<Object>> rows = new ArrayList<>();
        for (CatalogQueries.SupersededBulletin s : superseded.rows()) {
            rows.add(cells(s.bulletinId(), s.title(), s.severity(), s.released(), String.join(", ", s.supersededBy()), s.applicable(),
                    s.notInstalled()));
        }
        return new ReportResult(report.title(), snapshot(all), List.of(new Figure("Bulletins applicable in scope", all.rows().size()),
                new Figure("Superseded (shown)", rows.size())), List.of(
                bulletinTable("Bulletins (newest first)", all.rows(), p.limit(), all.rows().size()).withChart(null),
                new ReportTable("Superseded bulletins", List.of(ReportColumn.linked("bulletin_id", "Bulletin", Link.BULLETIN),
                        ReportColumn.text("title", "Title"), ReportColumn.text("severity", "Severity"), ReportColumn.date("released", "Released"),
                        ReportColumn.text("superseded_by", "Superseded by"), ReportColumn.number("applicable", "Applicable"),
                        ReportColumn.number("not_installed", "Not installed")), rows)));
    }

    private ReportResult regional(Report report, ReportParameters p, Scope scope) {
        if (p.site() != null) {
            ReportResult computers = byComputer(report, p, scope);
            return new ReportResult(report.title() + ": site " + p.site(), computers.snapshot(), computers.figures(), computers.tables());
        }
        QueryResult<GroupCompliance> groups = p.region() == null ? queries.fleet().regions(scope, filter(p))
                : queries.fleet().sites(scope, filter(p), p.region());
        boolean sites = p.region() != null;
        List<List<Object>> rows = new ArrayList<>();
        for (GroupCompliance g : groups.rows()) {
            rows.add(row(cells(g.group(), g.computers()), countCells(g.counts())));
        }
        Counts total = Cells.sum(groups.rows().stream().map(GroupCompliance::counts).toList());
        return new ReportResult(p.region() == null ? report.title() : report.title() + ": region " + p.region(), snapshot(groups),
                headline(total, rows.size(), sites ? "Sites" : "Regions"), List.of(new ReportTable(sites ? "Sites" : "Regions",
                columns(List.of(ReportColumn.linked("group", sites ? "Site" : "Region", sites ? Link.SITE : Link.REGION),
                        ReportColumn.number("computers", "Computers")), countColumns()), rows)
                .withChart(new ReportTable.Chart(ReportTable.Chart.Kind.BAR, "group", List.of("compliance")))));
    }

    private ReportResult exceptions(Report report, ReportParameters p, Scope scope) {
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

    private ReportResult executive(Report report, ReportParameters p, Scope scope) {
        QueryResult<BulletinCompliance> bulletins = queries.compliance().byBulletin(scope, filter(p), Sorts.BulletinSort.MOST_VULNERABLE);
        Counts total = Cells.sum(bulletins.rows().stream().map(BulletinCompliance::counts).toList());
        ReportResult regions = regional(Report.REGIONAL_COMPLIANCE, new ReportParameters(null, null, null, p.from(), p.to(), null, null,
                null, null, ReportParameters.DEFAULT_LIMIT), scope);
        List<SlaRows.SlaSummary> sla = SlaQueries.summary(attainment(p, scope));
        long met = sla.stream().mapToLong(SlaRows.SlaSummary::met).sum();
        long missed = sla.stream().mapToLong(SlaRows.SlaSummary::missed).sum();
        List<Figure> figures = new ArrayList<>(headline(total, bulletins.rows().size(), "Bulletins"));
        figures.add(new Figure("SLA phases met / decided", new Ratio(met, met + missed)));
        return new ReportResult(report.title(), snapshot(bulletins), figures, List.of(regions.tables().get(0), trendTable(scope, p,
                LocalDate.ofInstant(bulletins.dataAsOf(), ZoneOffset.UTC)), bulletinTable("Top risks", bulletins.rows(), 10,
                bulletins.rows().size()).withChart(null)));
    }

    ReportTable trendTable(Scope scope, ReportParameters p, LocalDate today) {
        LocalDate to = p.to() == null ? today : p.to();
        LocalDate from = p.from() == null ? to.minusDays(30) : p.from();
        QueryResult<DailyCompliance> trend = queries.compliance().trend(scope, filter(p).between(null, null), from, to);
        List<List<Object>> rows = new ArrayList<>();
        for (DailyCompliance d : trend.rows()) {
            ComplianceCounts c = d.counts();
            rows.add(row(cells(d.day()), countCells(c)));
        }
        return new ReportTable("Compliance trend", columns(List.of(ReportColumn.date("day", "Day")), countColumns()), rows)
                .withChart(new ReportTable.Chart(ReportTable.Chart.Kind.LINE, "day", List.of("compliance")));
    }
}

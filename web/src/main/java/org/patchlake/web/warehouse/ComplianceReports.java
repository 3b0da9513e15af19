package org.patchlake.web.warehouse;

import org.patchlake.reports.query.CatalogQueries;
import org.patchlake.core.state.ComplianceCounts;
import org.patchlake.reports.query.ComplianceRows.BulletinCompliance;
import org.patchlake.reports.query.ComplianceRows.ComputerCompliance;
import org.patchlake.reports.query.ComplianceRows.DailyCompliance;
import org.patchlake.reports.query.ComplianceRows.GroupCompliance;
import org.patchlake.reports.query.ComplianceRows.UpdateCompliance;
import org.patchlake.reports.query.Page;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.QueryResult;
import org.patchlake.reports.query.Scope;
import org.patchlake.reports.query.Sorts;
import org.patchlake.web.report.Counts;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportColumn.Link;
import org.patchlake.web.report.ReportColumn;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportResult.Figure;
import org.patchlake.web.report.ReportResult;
import org.patchlake.web.report.ReportTable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.patchlake.web.warehouse.Cells.cells;
import static org.patchlake.web.warehouse.Cells.columns;
import static org.patchlake.web.warehouse.Cells.countCells;
import static org.patchlake.web.warehouse.Cells.countColumns;
import static org.patchlake.web.warehouse.Cells.row;
import static org.patchlake.web.warehouse.WarehouseReports.filter;
import static org.patchlake.web.warehouse.WarehouseReports.headline;
import static org.patchlake.web.warehouse.WarehouseReports.limit;
import static org.patchlake.web.warehouse.WarehouseReports.snapshot;

/** Reports 1 (by bulletin), 2 (by computer), 3 (by update), 9 (bulletin details) and 10 (regional), and the tables they share. */
final class ComplianceReports {
    private final QueryLayer queries;
    private final Supplier<Map<String, String>> customSeverities;

    /** @param customSeverities the custom severity per bulletin id (read once per report) */
    ComplianceReports(QueryLayer queries, Supplier<Map<String, String>> customSeverities) {
        this.queries = queries;
        this.customSeverities = customSeverities;
    }

    ReportTable bulletinTable(String title, List<BulletinCompliance> rows, int limit, long total) {
        Map<String, String> custom = customSeverities.get();
        List<List<Object>> cells = new ArrayList<>();
        for (BulletinCompliance b : limit(rows, limit)) {
            cells.add(row(cells(b.bulletinId(), b.title(), severityText(custom.get(b.bulletinId()), b.severity()), b.released(), b.exploited(),
                    Cells.counts(b.counts()).vulnerable()), countCells(b.counts())));
        }
        return new ReportTable(title, columns(List.of(ReportColumn.linked("bulletin_id", "Bulletin", Link.BULLETIN),
                ReportColumn.text("title", "Title"), ReportColumn.text("severity", "Severity"), ReportColumn.date("released", "Released"),
                new ReportColumn("exploited", "Exploited", ReportColumn.Kind.BOOLEAN, Link.NONE),
                ReportColumn.number("vulnerable", "Vulnerable computers")), countColumns()), cells, total, null)
                .withChart(new ReportTable.Chart(ReportTable.Chart.Kind.BAR, "bulletin_id", List.of("vulnerable")));
    }

    private static String severityText(String custom, String vendor) {
        return custom == null ? vendor : custom + " (vendor: " + vendor + ")";
    }

    ReportResult byBulletin(Report report, ReportParameters p, Scope scope) {
        QueryResult<BulletinCompliance> result = queries.compliance().byBulletin(scope, filter(p), Sorts.BulletinSort.MOST_VULNERABLE);
        Counts total = Cells.sum(result.rows().stream().map(BulletinCompliance::counts).toList());
        return new ReportResult(report.title(), snapshot(result), headline(total, result.rows().size(), "Bulletins"),
                List.of(bulletinTable("Bulletins (most vulnerable first)", result.rows(), p.limit(), result.rows().size())));
    }

    ReportResult byComputer(Report report, ReportParameters p, Scope scope) {
        QueryResult<ComputerCompliance> result = queries.compliance().byComputer(scope, filter(p), Sorts.ComputerSort.MOST_VULNERABLE,
                Page.first(p.limit()));
        List<List<Object>> rows = new ArrayList<>();
        for (ComputerCompliance c : result.rows()) {
            rows.add(row(row(cells(c.computerId(), c.hostname(), c.region(), c.site(), c.computerClass(), c.managedLevel(),
                    c.lastInventoryAt(), c.pendingReboot()), countCells(c.counts())), cells(c.toInstallCount(), c.toInstall())));
        }
        long matching = org.patchlake.reports.query.ComplianceQueries.computersMatching(result);
        return new ReportResult(report.title(), snapshot(result), List.of(new Figure("Computers", matching)),
                List.of(new ReportTable("Computers (most vulnerable first)", columns(columns(computerColumns(), countColumns()), installColumns()),
                        rows, matching, null)));
    }

    /** What to install on each computer: how many updates and which (its install plan, for the updates counted). */
    static List<ReportColumn> installColumns() {
        return List.of(ReportColumn.number("to_install_count", "# to install"), ReportColumn.text("to_install", "To install"));
    }

    static List<ReportColumn> computerColumns() {
        return List.of(ReportColumn.linked("computer_id", "Computer", Link.COMPUTER), ReportColumn.text("hostname", "Host name"),
                ReportColumn.linked("region", "Region", Link.REGION), ReportColumn.linked("site", "Site", Link.SITE),
                ReportColumn.text("computer_class", "Class"), ReportColumn.number("managed_level", "Level"),
                ReportColumn.timestamp("last_inventory_at", "Last inventory"),
                new ReportColumn("pending_reboot", "Pending reboot", ReportColumn.Kind.BOOLEAN, Link.NONE));
    }

    ReportResult byUpdate(Report report, ReportParameters p, Scope scope) {
        QueryResult<UpdateCompliance> result = queries.compliance().byUpdate(scope, filter(p), null);
        List<List<Object>> rows = new ArrayList<>();
        for (UpdateCompliance u : limit(result.rows(), p.limit())) {
            rows.add(row(cells(u.kb(), u.product(), u.bulletinId(), u.severity()), countCells(u.counts())));
        }
        return new ReportResult(report.title(), snapshot(result), List.of(), List.of(new ReportTable("Updates", columns(List.of(
                ReportColumn.text("kb", "KB"), ReportColumn.text("product", "Product"), ReportColumn.linked("bulletin_id", "Bulletin", Link.BULLETIN),
                ReportColumn.text("severity", "Severity")), countColumns()), rows, result.rows().size(), null)));
    }

    ReportResult bulletins(Report report, ReportParameters p, Scope scope) {
        QueryResult<BulletinCompliance> all = queries.compliance().byBulletin(scope, filter(p), Sorts.BulletinSort.RELEASED_NEWEST);
        QueryResult<CatalogQueries.SupersededBulletin> superseded = queries.catalog().supersededBulletins(scope, filter(p), Page.first(p.limit()));
        List<List<Object>> rows = new ArrayList<>();
        for (CatalogQueries.SupersededBulletin s : superseded.rows()) {
            rows.add(cells(s.bulletinId(), s.title(), s.severity(), s.released(), String.join(", ", s.supersededBy()), s.applicable(),
                    s.notInstalled()));
        }
        long supersededTotal = CatalogQueries.bulletinsMatching(superseded);
        return new ReportResult(report.title(), snapshot(all), List.of(new Figure("Bulletins applicable in scope", all.rows().size()),
                new Figure("Superseded", supersededTotal)), List.of(
                bulletinTable("Bulletins (newest first)", all.rows(), p.limit(), all.rows().size()).withChart(null),
                new ReportTable("Superseded bulletins", List.of(ReportColumn.linked("bulletin_id", "Bulletin", Link.BULLETIN),
                        ReportColumn.text("title", "Title"), ReportColumn.text("severity", "Severity"), ReportColumn.date("released", "Released"),
                        ReportColumn.text("superseded_by", "Superseded by"), ReportColumn.number("applicable", "Applicable"),
                        ReportColumn.number("not_installed", "Not installed")), rows, supersededTotal, null)));
    }

    ReportResult regional(Report report, ReportParameters p, Scope scope) {
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

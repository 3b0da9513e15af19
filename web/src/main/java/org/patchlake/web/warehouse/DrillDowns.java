package org.patchlake.web.warehouse;

import org.patchlake.reports.query.CatalogQueries;
import org.patchlake.reports.query.ComplianceQueries;
import org.patchlake.reports.query.ComplianceRows.BulletinComputer;
import org.patchlake.reports.query.ComplianceRows.GroupCompliance;
import org.patchlake.reports.query.ComputerQueries;
import org.patchlake.reports.query.ComputerRows;
import org.patchlake.reports.query.NotFoundException;
import org.patchlake.reports.query.Page;
import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.QueryResult;
import org.patchlake.reports.query.Scope;
import org.patchlake.web.report.Counts;
import org.patchlake.web.report.ReportColumn.Link;
import org.patchlake.web.report.ReportColumn;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportResult.Figure;
import org.patchlake.web.report.ReportResult;
import org.patchlake.web.report.ReportTable;
import org.patchlake.web.report.ReturnCodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.patchlake.web.warehouse.Cells.cells;

/** The drill-down pages: one computer (report 2) and one bulletin (report 1), within the viewer's scope. */
final class DrillDowns {
    private final QueryLayer queries;
    private final BulletinRegions bulletinRegions;

    DrillDowns(QueryLayer queries) {
        this.queries = queries;
        this.bulletinRegions = new BulletinRegions(queries);
    }

    Optional<ReportResult> computer(String computerId, ReportParameters parameters, Scope scope) {
        ComputerQueries computers = queries.computers();
        QueryResult<ComputerRows.ComputerDetail> detail;
        try {
            detail = computers.computer(scope, computerId);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        ComputerRows.ComputerDetail c = detail.single();
        Counts counts = Cells.counts(c.bulletins());
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("Compliance (bulletins)", counts.compliance()));
        figures.add(new Figure("Region / site", c.region() + " / " + c.site()));
        figures.add(new Figure("Class, level", org.patchlake.web.layout.Words.of(c.computerClass()) + ", level " + c.managedLevel()));
        figures.add(new Figure("Operating system", operatingSystem(c)));
        figures.add(new Figure("Agent", nullToDash(c.agentVersion())));
        figures.add(new Figure("Last inventory", c.lastInventoryAt() == null ? "never" : c.lastInventoryAt()));
        figures.add(new Figure("Last scan", c.lastScanAt() == null ? "never" : c.lastScanAt()));
        figures.add(new Figure("Scan errors", c.scanErrorCount() + (c.lastScanError() == null ? "" : ", last: " + c.lastScanError())));
        figures.add(new Figure("Pending reboot", c.pendingReboot() ? (Object) (c.pendingRebootSince() == null ? "yes" : c.pendingRebootSince()) : "no"));
        figures.add(new Figure("Reporting", c.reporting() ? "yes" : "no (stale: states are UNKNOWN)"));
        ComputerRows.InstallPlan plan = computers.installPlan(scope, computerId).single();
        figures.add(new Figure("What to install", plan.planned() ? plan.summary()
                : "no install plan in this snapshot (published before the ETL planned; its next run adds it)"));
        List<List<Object>> installs = new ArrayList<>();
        for (ComputerRows.PlannedInstall install : plan.installs()) {
            installs.add(cells(install.kb(), install.released(), install.fixes(), String.join(", ", install.products())));
        }
        Page page = Page.first(parameters.limit());
        List<List<Object>> updates = new ArrayList<>();
        for (ComputerRows.ComputerUpdate u : computers.updates(scope, computerId, ComputerQueries.NOT_COMPLIANT).rows()) {
            updates.add(cells(u.bulletinId(), u.kb(), u.product(), u.title(), u.severity(), u.exploited(), u.state(), u.stateSince(),
                    u.failedAttempts(), org.patchlake.core.catalog.RestartBehaviour.describe(u.restartBehaviour()), u.installKb()));
        }
        List<List<Object>> history = new ArrayList<>();
        for (ComputerRows.HistoryEntry h : computers.history(scope, computerId, page).rows()) {
            history.add(cells(h.bulletinId(), h.updateId(), h.state(), h.validFrom(), h.validTo(), h.regression()));
        }
        List<List<Object>> deliveries = new ArrayList<>();
        for (ComputerRows.DeliveryAttempt d : computers.deliveries(scope, computerId, page).rows()) {
            deliveries.add(cells(d.policyId(), d.kb(), d.attempt(), d.startedAt(), d.endedAt(),
                    ReturnCodes.code(d.returnCode()), d.outcome(), ReturnCodes.meaning(d.returnCode(), d.meaning())));
        }
        return Optional.of(new ReportResult("Computer " + c.hostname() + " (" + c.computerId() + ")", WarehouseReports.snapshot(detail),
                figures, List.of(
                new ReportTable("What to install: " + plan.summary(), List.of(ReportColumn.linked("kb", "Install", Link.PLANNED_INSTALL),
                        ReportColumn.date("released", "Released"), ReportColumn.number("fixes", "Required updates it fixes"),
                        ReportColumn.text("products", "Products")), installs),
                new ReportTable("Updates not installed", List.of(ReportColumn.linked("bulletin_id", "Bulletin", Link.BULLETIN),
                        ReportColumn.text("kb", "KB"), ReportColumn.text("product", "Product"), ReportColumn.text("title", "Title"),
                        ReportColumn.text("severity", "Severity"), new ReportColumn("exploited", "Exploited", ReportColumn.Kind.BOOLEAN, Link.NONE),
                        ReportColumn.text("state", "State"), ReportColumn.timestamp("state_since", "Since"),
                        ReportColumn.number("failed_attempts", "Failed attempts"), ReportColumn.text("restart", "Restart"),
                        ReportColumn.linked("install_kb", "Fixed by installing", Link.TO_PLANNED_INSTALL)), updates),
                new ReportTable("Install history", List.of(ReportColumn.linked("bulletin_id", "Bulletin", Link.BULLETIN),
                        ReportColumn.text("update_id", "Update"), ReportColumn.text("state", "State"),
                        ReportColumn.timestamp("valid_from", "From"), ReportColumn.timestamp("valid_to", "To"),
                        new ReportColumn("regression", "Regression", ReportColumn.Kind.BOOLEAN, Link.NONE)), history),
                new ReportTable("Delivery attempts", List.of(ReportColumn.text("policy_id", "Policy"), ReportColumn.text("kb", "KB"),
                        ReportColumn.number("attempt", "Attempt"), ReportColumn.timestamp("started_at", "Started"),
                        ReportColumn.timestamp("ended_at", "Ended"), ReportColumn.text("return_code", "Return code"),
                        ReportColumn.text("outcome", "Outcome"), ReportColumn.text("meaning", "Meaning")), deliveries))));
    }

    private static String nullToDash(Object value) {
        return value == null ? "–" : value.toString();
    }

    Optional<ReportResult> bulletin(String bulletinId, ReportParameters parameters, Scope scope) {
        QueryResult<CatalogQueries.BulletinDetail> detail;
        try {
            detail = queries.catalog().bulletin(bulletinId);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        CatalogQueries.BulletinDetail b = detail.single();
        List<GroupCompliance> byRegion = bulletinRegions.of(detail.snapshotId(), scope, bulletinId);
        Counts total = Cells.sum(byRegion.stream().map(GroupCompliance::counts).toList());
        ComplianceQueries.Selection selection = switch (parameters.state() == null ? "vulnerable" : parameters.state()) {
            case "installed" -> ComplianceQueries.Selection.INSTALLED;
            case "applicable" -> ComplianceQueries.Selection.APPLICABLE;
            default -> ComplianceQueries.Selection.VULNERABLE;
        };
        QueryResult<BulletinComputer> computers = queries.compliance().bulletinComputers(scope, bulletinId, selection,
                QueryFilter.none(), Page.first(parameters.limit()));
        List<List<Object>> computerRows = new ArrayList<>();
        for (BulletinComputer c : computers.rows()) {
            computerRows.add(cells(c.computerId(), c.hostname(), c.region(), c.site(), c.computerClass(), c.state(), c.firstApplicableAt(),
                    c.compliantAt()));
        }
        List<List<Object>> regionRows = new ArrayList<>();
        for (GroupCompliance g : byRegion) {
            regionRows.add(Cells.row(cells(g.group()), Cells.countCells(g.counts())));
        }
        List<List<Object>> updateRows = new ArrayList<>();
        for (CatalogQueries.BulletinUpdate u : b.updates()) {
            updateRows.add(cells(u.kb(), u.product(), org.patchlake.core.catalog.RestartBehaviour.describe(u.restartBehaviour()),
                    String.join(", ", u.supersedes())));
        }
        List<Figure> figures = new ArrayList<>(WarehouseReports.headline(total, byRegion.size(), "Regions"));
        figures.add(0, new Figure("Severity", b.severity() + (b.exploited() ? ", exploited" : "") + (b.superseded() ? ", superseded" : "")));
        figures.add(1, new Figure("Released", b.released() + (b.revised() == null ? "" : ", revised " + b.revised())));
        figures.add(2, new Figure("CVEs", b.cveCount()));
        String title = "Bulletin " + b.bulletinId() + (b.title() == null ? "" : ": " + b.title());
        return Optional.of(new ReportResult(title, WarehouseReports.snapshot(detail), figures, List.of(
                new ReportTable("Computers: " + selection.name().toLowerCase(), List.of(ReportColumn.linked("computer_id", "Computer", Link.COMPUTER),
                        ReportColumn.text("hostname", "Host name"), ReportColumn.linked("region", "Region", Link.REGION),
                        ReportColumn.linked("site", "Site", Link.SITE), ReportColumn.text("computer_class", "Class"),
                        ReportColumn.text("state", "State"), ReportColumn.timestamp("first_applicable_at", "Applicable since"),
                        ReportColumn.timestamp("compliant_at", "Compliant since")), computerRows),
                new ReportTable("By region", Cells.columns(List.of(ReportColumn.linked("region", "Region", Link.REGION)), Cells.countColumns()),
                        regionRows),
                new ReportTable("Updates", List.of(ReportColumn.text("kb", "KB"), ReportColumn.text("product", "Product"),
                        ReportColumn.text("restart", "Restart"), ReportColumn.text("supersedes", "Supersedes")), updateRows))));
    }

    /** "Microsoft Windows 10 Enterprise, version 19045, build 4529": the parts the computer reported, none as a dash. */
    static String operatingSystem(ComputerRows.ComputerDetail c) {
        List<String> parts = new ArrayList<>();
        if (c.osName() != null && !c.osName().isBlank()) {
            parts.add(c.osName());
        }
        if (c.osVersion() != null && !c.osVersion().isBlank()) {
            parts.add("version " + c.osVersion());
        }
        if (c.osBuild() != null && !c.osBuild().isBlank()) {
            parts.add("build " + c.osBuild());
        }
        return parts.isEmpty() ? "not reported" : String.join(", ", parts);
    }
}

package org.patchlake.web.warehouse;

import org.patchlake.reports.query.DetectionQueries;
import org.patchlake.reports.query.NotFoundException;
import org.patchlake.reports.query.Page;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.QueryResult;
import org.patchlake.reports.query.Scope;
import org.patchlake.web.report.Ratio;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportColumn;
import org.patchlake.web.report.ReportColumn.Link;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportResult;
import org.patchlake.web.report.ReportResult.Figure;
import org.patchlake.web.report.ReportTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.patchlake.web.warehouse.Cells.cells;
import static org.patchlake.web.warehouse.WarehouseReports.filter;
import static org.patchlake.web.warehouse.WarehouseReports.snapshot;

/**
 * Report 13, Detection agreement: where Windows Update's own verdict of a computer and Patchlake's differ, per region
 * and per computer (largest disagreements first), and the drill-down to one computer's KBs with each side's verdict.
 */
final class DetectionReports {
    private final QueryLayer queries;

    DetectionReports(QueryLayer queries) {
        this.queries = queries;
    }

    ReportResult report(Report report, ReportParameters p, Scope scope) {
        QueryResult<DetectionQueries.Totals> totals = queries.detection().totals(scope, filter(p));
        DetectionQueries.Totals t = totals.single();
        List<List<Object>> regionRows = new ArrayList<>();
        for (DetectionQueries.RegionRow r : queries.detection().regions(scope, filter(p)).rows()) {
            regionRows.add(cells(r.region(), r.compared(), r.inDisagreement(), new Ratio(r.inDisagreement(), r.compared()),
                    r.windowsUpdateOnly(), r.patchlakeOnly(), r.bothMissing(), r.searchFailed()));
        }
        List<List<Object>> computerRows = new ArrayList<>();
        for (DetectionQueries.ComputerRow c : queries.detection().computers(scope, filter(p), Page.first(p.limit())).rows()) {
            computerRows.add(cells(c.computerId(), c.hostname(), c.region(), c.site(), c.computerClass(), c.searchedAt(),
                    c.differences(), c.windowsUpdateOnly(), c.patchlakeOnly(), c.bothMissing()));
        }
        return new ReportResult(report.title(), snapshot(totals), List.of(
                new Figure("Computers in disagreement / compared", new Ratio(t.inDisagreement(), t.compared())),
                new Figure("Missing per Windows Update only (computer x KB)", t.windowsUpdateOnly()),
                new Figure("Required per Patchlake only (computer x KB)", t.patchlakeOnly()),
                new Figure("Missing on both sides (computer x KB)", t.bothMissing()),
                new Figure("Windows Update searches failed", t.searchFailed()),
                new Figure("Computers without a Windows Update verdict", t.notSearched() + " of " + t.computers())), List.of(
                new ReportTable("By region", List.of(ReportColumn.linked("region", "Region", Link.REGION),
                        ReportColumn.number("compared", "Compared"), ReportColumn.number("in_disagreement", "In disagreement"),
                        ReportColumn.ratio("share", "In disagreement / compared"),
                        ReportColumn.number("windows_update_only", "Windows Update only"),
                        ReportColumn.number("patchlake_only", "Patchlake only"), ReportColumn.number("both_missing", "Both missing"),
                        ReportColumn.number("search_failed", "Searches failed")), regionRows)
                        .withChart(new ReportTable.Chart(ReportTable.Chart.Kind.BAR, "region",
                                List.of("windows_update_only", "patchlake_only"))),
                new ReportTable("Computers where the verdicts differ (largest first)", List.of(
                        ReportColumn.linked("computer_id", "Computer", Link.DETECTION_AGREEMENT),
                        ReportColumn.text("hostname", "Host name"), ReportColumn.linked("region", "Region", Link.REGION),
                        ReportColumn.linked("site", "Site", Link.SITE), ReportColumn.text("computer_class", "Class"),
                        ReportColumn.timestamp("searched_at", "Windows Update searched"),
                        ReportColumn.number("differences", "Differences"),
                        ReportColumn.number("windows_update_only", "Windows Update only"),
                        ReportColumn.number("patchlake_only", "Patchlake only"), ReportColumn.number("both_missing", "Both missing")),
                        computerRows, t.inDisagreement(), null)));
    }

    /** One computer's security updates that either side calls missing, each side's verdict. Empty outside the scope. */
    Optional<ReportResult> computer(String computerId, Scope scope) {
        QueryResult<DetectionQueries.ComputerComparison> result;
        try {
            result = queries.detection().computer(scope, computerId);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        DetectionQueries.ComputerComparison c = result.single();
        List<List<Object>> differing = new ArrayList<>();
        List<List<Object>> agreed = new ArrayList<>();
        for (DetectionQueries.Difference d : c.kbs()) {
            (d.differs() ? differing : agreed).add(cells(d.kb(), d.title(), d.severity(), windowsUpdate(d.windowsUpdate()),
                    patchlake(d.patchlake()), agreement(d.agreement())));
        }
        List<ReportColumn> columns = List.of(ReportColumn.text("kb", "KB"), ReportColumn.text("title", "Title"),
                ReportColumn.text("severity", "Severity"), ReportColumn.text("windows_update", "Windows Update"),
                ReportColumn.text("patchlake", "Patchlake"), ReportColumn.text("agreement", "Difference"));
        String search = c.searchStatus() == null ? "no verdict with the latest inventory"
                : c.searchStatus().equals("COMPLETED") ? "completed"
                : "failed" + (c.searchErrorCode() == null ? "" : " (" + c.searchErrorCode() + ")");
        return Optional.of(new ReportResult("Detection agreement: " + c.hostname() + " (" + c.computerId() + ")",
                snapshot(result), List.of(new Figure("Windows Update search", search),
                new Figure("Searched", c.searchedAt() == null ? "–" : c.searchedAt()),
                new Figure("Differences", differing.size()), new Figure("Missing on both sides", agreed.size())), List.of(
                new ReportTable("Where Windows Update and Patchlake differ", columns, differing),
                new ReportTable("Missing on both sides", columns, agreed))));
    }

    private static String windowsUpdate(String verdict) {
        return switch (verdict) {
            case "MISSING" -> "missing";
            case "COVERED" -> "missing: lists a newer update that covers it";
            default -> "not listed";
        };
    }

    private static String patchlake(String state) {
        return switch (state) {
            case "NOT_IN_CATALOG" -> "not in the catalog";
            case "NOT_APPLICABLE" -> "not applicable";
            case "INSTALLED_PENDING_REBOOT" -> "installed, restart pending";
            default -> state.toLowerCase(Locale.ROOT);
        };
    }

    private static String agreement(String agreement) {
        return switch (agreement) {
            case "WINDOWS_UPDATE_ONLY" -> "missing per Windows Update only";
            case "PATCHLAKE_ONLY" -> "required per Patchlake only";
            default -> "both missing";
        };
    }
}

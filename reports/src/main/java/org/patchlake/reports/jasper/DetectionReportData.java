package org.patchlake.reports.jasper;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchlake.reports.query.DetectionQueries;
import org.patchlake.reports.query.DetectionQueries.ComputerRow;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.QueryResult;

/**
 * Report 13, Detection agreement, for Jasper: the computers where Windows Update's verdict and Patchlake's differ
 * (largest first), the fleet totals as values and the per-region counts as a dataset.
 */
final class DetectionReportData {
    private final QueryLayer queries;

    DetectionReportData(QueryLayer queries) {
        this.queries = requireNonNull(queries, "queries is null");
    }

    ReportData detectionAgreement(ReportRequest request) {
        DetectionQueries.Totals totals = queries.detection().totals(request.scope(), request.filter()).single();
        QueryResult<ComputerRow> computers = queries.detection().computers(request.scope(), request.filter(), request.page());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ComputerRow computer : computers.rows()) {
            Map<String, Object> row = new LinkedHashMap<>(ResultRows.of(computer));
            row.put("differences", computer.differences());
            rows.add(row);
        }
        ReportData data = ComplianceReportData.pageData(request, computers, rows, totals.inDisagreement())
                .withDataset("regions", ResultRows.of(queries.detection().regions(request.scope(), request.filter()).rows()))
                .withValue("not_searched", totals.notSearched());
        for (Map.Entry<String, Object> value : ResultRows.of(totals).entrySet()) {
            data = data.withValue(value.getKey(), value.getValue());
        }
        return data;
    }
}

package org.patchlake.reports.jasper;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one report is filled from: the query layer's result, already scoped, with the snapshot it was read from.
 *
 * @param snapshotTime  when the warehouse snapshot behind the rows was published ("data refreshed")
 * @param runParameters the parameters the report was run with, in the order to print them
 * @param scope         the regions and sites the viewer may see, as printed on the report
 * @param rows          the detail rows; keys are the query's column names (the template's field names)
 * @param datasets      further row sets by name (chart series, second tables), passed as {@code List} parameters
 * @param values        single values (headline counts) passed as parameters by name
 */
public record ReportData(
        Instant snapshotTime,
        Map<String, String> runParameters,
        String scope,
        List<Map<String, Object>> rows,
        Map<String, List<Map<String, Object>>> datasets,
        Map<String, Object> values) {

    public ReportData {
        requireNonNull(snapshotTime, "snapshotTime is null");
        requireNonNull(scope, "scope is null");
        runParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(runParameters, "runParameters is null")));
        rows = ReportValues.normalizeRows(requireNonNull(rows, "rows is null"));
        Map<String, List<Map<String, Object>>> normalized = new LinkedHashMap<>();
        requireNonNull(datasets, "datasets is null").forEach((name, set) -> normalized.put(name, ReportValues.normalizeRows(set)));
        datasets = java.util.Collections.unmodifiableMap(normalized);
        values = ReportValues.normalizeRow(requireNonNull(values, "values is null"));
    }

    public static ReportData of(Instant snapshotTime, Map<String, String> runParameters, String scope,
                                List<Map<String, Object>> rows) {
        return new ReportData(snapshotTime, runParameters, scope, rows, Map.of(), Map.of());
    }

    public ReportData withDataset(String name, List<Map<String, Object>> dataset) {
        Map<String, List<Map<String, Object>>> more = new LinkedHashMap<>(datasets);
        more.put(name, dataset);
        return new ReportData(snapshotTime, runParameters, scope, rows, more, values);
    }

    public ReportData withValue(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(values);
        more.put(name, value);
        return new ReportData(snapshotTime, runParameters, scope, rows, datasets, more);
    }
}

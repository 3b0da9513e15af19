package org.patchlake.web.api;

import org.patchlake.web.report.Counts;
import org.patchlake.web.report.Dashboard;
import org.patchlake.web.report.Ratio;
import org.patchlake.web.report.ReportColumn;
import org.patchlake.web.report.ReportResult;
import org.patchlake.web.report.ReportTable;
import org.patchlake.web.report.SnapshotInfo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the API (described in openapi.json): every percentage travels with its counts. */
final class ApiJson {
    private ApiJson() {
    }

    static Map<String, Object> snapshot(SnapshotInfo snapshot) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", snapshot.id());
        map.put("publishedAt", snapshot.publishedAt().toString());
        map.put("dataAsOf", snapshot.dataAsOf().toString());
        return map;
    }

    static Map<String, Object> ratio(Ratio ratio) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("percent", Double.isNaN(ratio.percent()) ? null : Math.round(ratio.percent() * 100) / 100.0);
        map.put("numerator", ratio.numerator());
        map.put("denominator", ratio.denominator());
        return map;
    }

    static Map<String, Object> counts(Counts counts) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("applicable", counts.applicable());
        map.put("installed", counts.installed());
        map.put("pendingReboot", counts.pendingReboot());
        map.put("required", counts.required());
        map.put("failed", counts.failed());
        map.put("exempt", counts.exempt());
        map.put("unknown", counts.unknown());
        map.put("compliance", ratio(counts.compliance()));
        map.put("strictCompliance", ratio(counts.strict()));
        return map;
    }

    static Object value(Object value) {
        if (value instanceof Ratio ratio) {
            return ratio(ratio);
        }
        if (value instanceof Counts counts) {
            return counts(counts);
        }
        if (value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        return value;
    }

    static Map<String, Object> result(ReportResult result, Map<String, String> parameters, String scope) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("title", result.title());
        map.put("snapshot", snapshot(result.snapshot()));
        map.put("scope", scope);
        map.put("parameters", parameters);
        List<Map<String, Object>> figures = new ArrayList<>();
        for (ReportResult.Figure figure : result.figures()) {
            figures.add(Map.of("label", figure.label(), "value", value(figure.value())));
        }
        map.put("figures", figures);
        List<Map<String, Object>> tables = new ArrayList<>();
        for (ReportTable table : result.tables()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("title", table.title());
            List<Map<String, Object>> columns = new ArrayList<>();
            for (ReportColumn column : table.columns()) {
                columns.add(Map.of("key", column.key(), "label", column.label(), "kind", column.kind().name().toLowerCase(),
                        "link", column.link().name().toLowerCase()));
            }
            t.put("columns", columns);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (List<Object> row : table.rows()) {
                Map<String, Object> r = new LinkedHashMap<>();
                for (int i = 0; i < row.size(); i++) {
                    r.put(table.columns().get(i).key(), value(row.get(i)));
                }
                rows.add(r);
            }
            t.put("rows", rows);
            t.put("totalRows", table.totalRows());
            tables.add(t);
        }
        map.put("tables", tables);
        return map;
    }

    static Map<String, Object> dashboard(Dashboard d) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("snapshot", snapshot(d.snapshot()));
        map.put("compliance", counts(d.compliance()));
        map.put("regions", d.regions().stream().map(r -> Map.of("region", r.region(), "counts", counts(r.counts()))).toList());
        map.put("sla", Map.of("met", d.sla().met(), "missed", d.sla().missed(), "onTrack", d.sla().onTrack(),
                "atRisk", d.sla().atRisk(), "attainment", ratio(d.sla().attainment()), "definition", d.sla().definition()));
        map.put("delivery", Map.of("succeeded", d.delivery().succeeded(), "succeededRebootRequired", d.delivery().succeededRebootRequired(),
                "failed", d.delivery().failed(), "notCompleted", d.delivery().notCompleted(), "successRate", ratio(d.delivery().successRate())));
        map.put("vulnerabilities", d.vulnerabilities().stream().map(v -> Map.of("severity", v.severity(), "required", v.required(),
                "exploited", v.exploited())).toList());
        map.put("agents", Map.of("computers", d.agents().computers(), "reporting", d.agents().reporting(),
                "notReporting", d.agents().notReporting(), "withScanErrors", d.agents().withScanErrors(),
                "reportingShare", ratio(d.agents().reportingShare())));
        map.put("trend", d.trend().stream().map(p -> Map.of("day", p.day().toString(), "counts", counts(p.counts()))).toList());
        map.put("topRisks", d.topRisks());
        return map;
    }
}

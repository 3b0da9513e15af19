package org.patchlake.reports.jasper;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.patchlake.reports.query.FixtureWarehouse;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.Scope;
import org.patchlake.reports.sla.BusinessCalendar;

/** The query layer's fixture warehouse, one engine, and the parameters each report is rendered with in tests. */
final class FixtureReports implements AutoCloseable {
    static final Instant GENERATED = Instant.parse("2026-11-20T13:00:00Z");
    static final RenderOptions OPTIONS = new RenderOptions(Locale.US, ZoneId.of("UTC"), "", GENERATED);

    final QueryLayer queries;
    final ReportDataSource data;
    final ReportEngine engine = new ReportEngine();

    FixtureReports(Path directory) throws Exception {
        FixtureWarehouse.publish(directory, "s-20261120123000000", null, FixtureWarehouse.PUBLISHED_AT);
        queries = new QueryLayer(FixtureWarehouse.open(directory), BusinessCalendar.saturdaySunday(java.util.Set.of()));
        data = new ReportDataSource(queries);
    }

    static Map<String, String> parameters(ReportTemplate template) {
        Map<String, String> parameters = new LinkedHashMap<>();
        switch (template) {
            case BULLETIN_COMPUTERS -> {
                parameters.put("bulletin", "KB5000001");
                parameters.put("state", "vulnerable");
            }
            case COMPUTER_DETAIL -> parameters.put("computer", "c1");
            case BULLETIN_DETAILS -> parameters.put("bulletin", "KB5000001");
            default -> { }
        }
        return parameters;
    }

    private final Map<String, ReportData> loaded = new java.util.concurrent.ConcurrentHashMap<>();

    /** The report's data for the scope, queried once per test class (the fixture does not change). */
    ReportData load(ReportTemplate template, Scope scope) {
        return loaded.computeIfAbsent(template + "|" + scope, key -> data.load(new ReportRequest(template, scope, parameters(template))));
    }

    byte[] render(ReportTemplate template, Scope scope, ExportFormat format, RenderOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine.render(template, load(template, scope), options, format, out);
        return out.toByteArray();
    }

    byte[] render(ReportTemplate template, ExportFormat format) {
        return render(template, Scope.all(), format, OPTIONS);
    }

    @Override
    public void close() {
        queries.close();
    }
}

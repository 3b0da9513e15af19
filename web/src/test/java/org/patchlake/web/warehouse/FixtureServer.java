package org.patchlake.web.warehouse;

import org.patchlake.reports.jasper.ReportEngine;
import org.patchlake.reports.query.FixtureWarehouse;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.sla.BusinessCalendar;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.support.TestServer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * A real server over the reports module's fixture warehouse (published under {@code data/warehouse}, with
 * {@code extraSql} run on it, or none), with the real report service and Jasper exports and no page warm-up.
 */
record FixtureServer(TestServer server, QueryLayer queries) implements AutoCloseable {
    static FixtureServer start(Path data, String extraSql) throws Exception {
        Path warehouse = data.resolve("warehouse");
        FixtureWarehouse.publish(warehouse, "s-20261120123000000", extraSql, FixtureWarehouse.PUBLISHED_AT);
        QueryLayer queries = new QueryLayer(FixtureWarehouse.open(warehouse), BusinessCalendar.saturdaySunday(Set.of()));
        TestServer server = new TestServer(data, SignInLimiter.Limits.defaults(), List.of(),
                store -> WarehouseReportService.over(queries, store),
                reports -> JasperExportService.over(queries, reports, new ReportEngine(), Clock.systemUTC(), ""),
                config -> config.withAdmission(config.admission().withReportPagesWarmed(false)), Clock.systemUTC());
        return new FixtureServer(server, queries);
    }

    @Override
    public void close() {
        server.close();
        queries.close();
    }
}

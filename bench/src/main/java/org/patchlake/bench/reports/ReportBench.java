package org.patchlake.bench.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import org.patchlake.reports.jasper.ExportFormat;
import org.patchlake.reports.jasper.RenderOptions;
import org.patchlake.reports.jasper.ReportData;
import org.patchlake.reports.jasper.ReportDataSource;
import org.patchlake.reports.jasper.ReportEngine;
import org.patchlake.reports.jasper.ReportExporter;
import org.patchlake.reports.jasper.ReportRequest;
import org.patchlake.reports.jasper.ReportTemplate;
import org.patchlake.reports.query.Page;
import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.Scope;
import org.patchlake.reports.query.Sorts.BulletinSort;
import org.patchlake.reports.query.Sorts.ComputerSort;
import org.patchlake.reports.query.Warehouse;
import org.patchlake.reports.sla.BusinessCalendar;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./patchlake bench reports --data DIR [--repeat N] [--out DIR] [--build N]}: on the warehouse given (or,
 * with {@code --build N}, on the query benchmark's synthetic warehouse of N computers, built there if missing), times the
 * Executive Summary as PDF and the first HTML page of every report (query + fill + export; median of N after one
 * warm-up; list reports with limit=100, the web's window of rows), and how long loading the build-compiled templates
 * takes against compiling a .jrxml. Targets at 200,000 endpoints: Executive Summary under 3 s, any first HTML page
 * under 1 s. Also prints this thread's CPU time for fill + export, which a busy machine does not inflate. Prints
 * figures, asserts nothing.
 */
@Command(name = Commands.BENCH_REPORTS, description = Commands.BENCH_REPORTS_SUMMARY, sortOptions = false)
public final class ReportBench implements java.util.concurrent.Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "A data directory or a warehouse. Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--build", paramLabel = "N", description = "Build the query benchmark's synthetic warehouse of N computers there if missing.")
    Integer build;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "5", description = "Measured runs (median after one warm-up). Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--out", paramLabel = "DIR", description = "Keep the last output of each report here.")
    Path out;

    public static void main(String[] args) {
        CommandMain.exit("bench " + Commands.BENCH_REPORTS, new ReportBench(), args);
    }

    @Override
    public Integer call() throws Exception {
        Path warehouse = Files.exists(data.resolve("CURRENT")) ? data : data.resolve("warehouse");
        if (build != null) {
            QueryBenchWarehouse.buildIfMissing(warehouse, build);
        }
        if (out != null) {
            Files.createDirectories(out);
        }
        System.out.printf("report bench: warehouse %s, %d repetitions (median after one warm-up), %d cores, load average %.1f%n",
                warehouse, repeat, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        templates();
        try (QueryLayer queries = new QueryLayer(Warehouse.open(warehouse), BusinessCalendar.saturdaySunday(Set.of()))) {
            System.out.printf("snapshot %s%n", queries.warehouse().currentSnapshot().id());
            ReportEngine engine = new ReportEngine();
            ReportDataSource source = new ReportDataSource(queries);
            Map<String, String> drillDown = drillDownIds(queries);
            System.out.printf("%n%-26s %-5s %8s %8s %8s %9s %16s %7s %6s%n", "report", "what", "query", "fill", "export", "total",
                    "fill+export cpu", "rows", "pages");
            run(engine, source, ReportTemplate.EXECUTIVE_SUMMARY, Map.of(), ExportFormat.PDF, ReportExporter.ALL_PAGES, repeat, out, 3000);
            for (ReportTemplate template : ReportTemplate.values()) {
                // a web page shows a window of rows (limit/offset); 100 rows = the first three HTML pages
                Map<String, String> parameters = new LinkedHashMap<>(Map.of("limit", "100"));
                if (template == ReportTemplate.BULLETIN_COMPUTERS) {
                    parameters.put("bulletin", drillDown.get("bulletin"));
                    parameters.put("state", "vulnerable");
                } else if (template == ReportTemplate.COMPUTER_DETAIL) {
                    parameters.put("computer", drillDown.get("computer"));
                }
                run(engine, source, template, parameters, ExportFormat.HTML, 0, repeat, out, 1000);
            }
        }
        return 0;
    }

    private static void templates() throws IOException {
        ReportEngine engine = new ReportEngine();
        long total = 0;
        for (ReportTemplate template : ReportTemplate.values()) {
            engine.templates().report(template);
            total += engine.templates().compileNanos(template);
        }
        SimpleJasperReportsContext context = new SimpleJasperReportsContext();
        long compile = 0;
        for (ReportTemplate template : List.of(ReportTemplate.COMPLIANCE_BY_BULLETIN, ReportTemplate.EXECUTIVE_SUMMARY)) {
            try (InputStream in = ReportBench.class.getClassLoader().getResourceAsStream(template.resourcePath())) {
                long start = System.nanoTime();
                JasperCompileManager.getInstance(context).compile(in);
                compile += System.nanoTime() - start;
            } catch (Exception e) {
                throw new IOException("compile " + template.resourcePath() + ": " + e.getMessage(), e);
            }
        }
        System.out.printf("templates: %d loaded precompiled (.jasper, built by TemplateCompiler) in %d ms in all; "
                        + "compiling .jrxml at run time instead costs %d ms per template (mean of 2)%n",
                ReportTemplate.values().length, total / 1_000_000, compile / 2 / 1_000_000);
    }

    private static Map<String, String> drillDownIds(QueryLayer queries) {
        Map<String, String> ids = new LinkedHashMap<>();
        var bulletins = queries.compliance().byBulletin(Scope.all(), QueryFilter.none(), BulletinSort.MOST_VULNERABLE).rows();
        ids.put("bulletin", bulletins.isEmpty() ? "none" : bulletins.get(0).bulletinId());
        var computers = queries.compliance().byComputer(Scope.all(), QueryFilter.none(), ComputerSort.MOST_VULNERABLE, Page.first(1)).rows();
        ids.put("computer", computers.isEmpty() ? "none" : computers.get(0).computerId());
        return ids;
    }

    private static void run(ReportEngine engine, ReportDataSource source, ReportTemplate template, Map<String, String> parameters,
                            ExportFormat format, int page, int repeat, Path out, long targetMillis) throws IOException {
        ReportRequest request = new ReportRequest(template, Scope.all(), parameters);
        RenderOptions options = RenderOptions.defaults(Instant.now());
        List<long[]> samples = new ArrayList<>();
        int rows = 0;
        int pages = 0;
        byte[] last = null;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i <= repeat; i++) {
            long start = System.nanoTime();
            ReportData data = source.load(request);
            long queried = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            JasperPrint print = engine.fill(template, data, options, format);
            long filled = System.nanoTime();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            engine.exportPage(print, format, bytes, page);
            long exported = System.nanoTime();
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            if (i > 0) {
                samples.add(new long[] {queried - start, filled - queried, exported - filled, exported - start, cpu});
            }
            rows = data.rows().size();
            pages = print.getPages().size();
            last = bytes.toByteArray();
        }
        long[] median = new long[5];
        for (int k = 0; k < 5; k++) {
            final int column = k;
            long[] values = samples.stream().mapToLong(sample -> sample[column]).sorted().toArray();
            median[k] = values[values.length / 2];
        }
        String what = format == ExportFormat.PDF ? "pdf" : "html1";
        System.out.printf("%-26s %-5s %6d ms %6d ms %6d ms %6d ms %13d ms %7d %6d  %s%n", template.reportName(), what,
                median[0] / 1_000_000, median[1] / 1_000_000, median[2] / 1_000_000, median[3] / 1_000_000, median[4] / 1_000_000, rows, pages,
                median[3] / 1_000_000 <= targetMillis ? "ok (< " + targetMillis + " ms)" : "OVER " + targetMillis + " ms");
        if (out != null) {
            Files.write(out.resolve(template.reportName() + (format == ExportFormat.PDF ? ".pdf" : "-page1.html")), last);
        }
    }
}

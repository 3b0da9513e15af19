package org.patchlake.bench.etl;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.patchlake.bench.BenchData;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.CatalogImport;
import org.patchlake.etl.catalog.CatalogCommand;
import org.patchlake.etl.catalog.CatalogImportOptions;
import org.patchlake.etl.catalog.CatalogStore;
import org.patchlake.etl.spark.SparkSessions;

/**
 * {@code ./patchlake bench catalog [SOURCE] [--runs N]}: full imports of the real wesng data (all 608,740 rows
 * plus the Custom file) into a temporary warehouse, then loading the current catalog back as {@code evaluate}
 * does. Prints every run and the medians. One Spark session for all runs; its start is printed separately
 * ({@code ./patchlake catalog import} overlaps it with parsing).
 */
@Command(name = Commands.BENCH_CATALOG, description = Commands.BENCH_CATALOG_SUMMARY, sortOptions = false)
public final class CatalogBench implements java.util.concurrent.Callable<Integer> {
    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "SOURCE", arity = "0..1", description = "wesng's definitions.zip or CSV, or 'generated' "
            + "(default: sample-data/wesng/definitions.zip).")
    String source;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Imports measured. Default: ${DEFAULT-VALUE}.")
    int runs;

    public static void main(String[] args) {
        CommandMain.exit("bench " + Commands.BENCH_CATALOG, new CatalogBench(), args);
    }

    @Override
    public Integer call() throws IOException {
        String source = this.source != null ? this.source : BenchData.definitions().toString();
        if (!source.equals(CatalogImportOptions.GENERATED) && !Files.isRegularFile(Path.of(source))) {
            throw new IllegalArgumentException("SOURCE " + source + " not found");
        }
        Path warehouse = Files.createTempDirectory("patchlake-catalog-bench");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        long sparkStart = System.nanoTime();
        SparkSession spark = SparkSessions.create("patchlake-catalog-bench", null);
        System.out.printf("spark session start: %.1f s%n", seconds(sparkStart));
        List<double[]> results = new ArrayList<>();
        try {
            CatalogImportOptions options = new CatalogImportOptions(source, warehouse, null);
            for (int run = 1; run <= runs; run++) {
                long cpuStarted = processCpuNanos();
                long started = System.nanoTime();
                CatalogImport imported = CatalogCommand.read(source, message -> { });
                double parse = seconds(started);
                long writing = System.nanoTime();
                CatalogCommand.write(spark, imported, options, quiet, message -> { }, started);
                double write = seconds(writing);
                double total = seconds(started);
                double importCpu = (processCpuNanos() - cpuStarted) / 1e9;
                long loadCpuStarted = processCpuNanos();
                long loading = System.nanoTime();
                Catalog loaded = new CatalogStore(warehouse).loadCurrent();
                double load = seconds(loading);
                double loadCpu = (processCpuNanos() - loadCpuStarted) / 1e9;
                System.out.printf("run %d: import %.1f s (parse %.1f s, write %.1f s; process CPU %.1f s) of %,d rows;"
                        + " load back %.2f s (CPU %.2f s) %s; load average %.1f%n", run, total, parse, write, importCpu,
                        imported.rowsRead(), load, loadCpu, loaded,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                results.add(new double[] {total, parse, write, load, importCpu, loadCpu});
            }
        } finally {
            spark.stop();
            deleteRecursively(warehouse);
        }
        System.out.printf("median of %d runs: import %.1f s (parse %.1f s, write %.1f s; process CPU %.1f s),"
                + " load back %.2f s (CPU %.2f s)%n", runs, median(results, 0), median(results, 1), median(results, 2),
                median(results, 4), median(results, 3), median(results, 5));
        return 0;
    }

    /** CPU time of the whole process (all threads): a figure less distorted by a busy machine than wall time. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double median(List<double[]> results, int column) {
        double[] values = results.stream().mapToDouble(result -> result[column]).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

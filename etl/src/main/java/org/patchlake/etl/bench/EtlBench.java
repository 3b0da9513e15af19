package org.patchlake.etl.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.patchlake.core.catalog.CatalogImport;
import org.patchlake.core.catalog.WesngCatalogBuilder;
import org.patchlake.etl.EtlCommand;
import org.patchlake.etl.EtlConfig;
import org.patchlake.etl.EtlJob;
import org.patchlake.etl.EtlProgress;
import org.patchlake.etl.EtlSummary;
import org.patchlake.etl.catalog.CatalogImporter;

/**
 * {@code ./patchlake bench etl [--sizes 10000,50000,200000] [--data DIR] [--definitions definitions.zip]}:
 * for each fleet size N, generates landing data on the real catalog (one full inventory per endpoint and a week
 * of deliveries), times a full ETL run, then one hour of uploads (N/4 inventories: 50,000 at 200,000) and an
 * incremental run. Prints times, rows and peak heap. Never part of the tests.
 */
public final class EtlBench {
  private EtlBench() {}

  record Result(int endpoints, long generateMillis, EtlSummary full, long fullHeap, int hourInventories,
      EtlSummary incremental, long incrementalHeap) {}

  public static void main(String[] args) throws IOException {
    List<Integer> sizes = List.of(10_000, 50_000);
    Path data = Path.of("target/bench-etl");
    Path definitions = Path.of(System.getProperty("patchlake.shared", "../shared"), "data/wesng/definitions.zip");
    String master = "local[*]";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--sizes" -> sizes = Arrays.stream(args[i + 1].split(",")).map(String::trim).map(Integer::parseInt).toList();
        case "--data" -> data = Path.of(args[i + 1]);
        case "--definitions" -> definitions = Path.of(args[i + 1]);
        case "--master" -> master = args[i + 1];
        default -> throw new IllegalArgumentException("unknown flag " + args[i]
            + " (--sizes 10000,50000,200000 --data DIR --definitions definitions.zip --master local[*])");
      }
    }
    if (!Files.exists(definitions) && Files.exists(Path.of("shared/data/wesng/definitions.zip"))) {
      definitions = Path.of("shared/data/wesng/definitions.zip");
    }
    PrintStream out = System.out;
    EtlConfig base = EtlConfig.forData(data.toString()).withMaster(master);
    SparkSession spark = EtlCommand.session(base);
    try {
      long started = System.nanoTime();
      out.println("bench etl: reading the real catalog " + definitions);
      CatalogImport imported = WesngCatalogBuilder.read(definitions, rows -> { });
      BenchFleet fleet = new BenchFleet(imported.catalog());
      Path catalogSource = data.resolve("catalog-source");
      if (!Files.exists(catalogSource.resolve("catalog/CURRENT"))) {
        new CatalogImporter(spark, Clock.systemUTC(), line -> { }).write(imported, catalogSource, started);
      }
      out.printf(Locale.ROOT, "bench etl: catalog ready in %.1f s (%,d updates)%n", (System.nanoTime() - started) / 1e9,
          imported.catalog().updates().size());
      List<Result> results = new ArrayList<>();
      for (int n : sizes) results.add(runSize(spark, fleet, catalogSource, data.resolve("n-" + n), n, master, out));
      out.println();
      out.println("endpoints  generate_s  full_s  full_update_state_rows  full_peak_heap_mb  hour_inventories  incremental_s  incremental_peak_heap_mb");
      for (Result r : results) {
        out.printf(Locale.ROOT, "%9d  %10.1f  %6.1f  %22d  %17d  %16d  %13.1f  %24d%n", r.endpoints(),
            r.generateMillis() / 1000.0, r.full().elapsed().toMillis() / 1000.0,
            r.full().rowCounts().getOrDefault("update_state", 0L), r.fullHeap() >> 20, r.hourInventories(),
            r.incremental().elapsed().toMillis() / 1000.0, r.incrementalHeap() >> 20);
      }
      out.printf(Locale.ROOT, "max heap %d MB, %d cores%n", Runtime.getRuntime().maxMemory() >> 20,
          Runtime.getRuntime().availableProcessors());
    } finally {
      spark.stop();
    }
  }

  private static Result runSize(SparkSession spark, BenchFleet fleet, Path catalogSource, Path dir, int n,
      String master, PrintStream out) throws IOException {
    deleteTree(dir);
    copyTree(catalogSource.resolve("catalog"), dir.resolve("warehouse/catalog"));
    Instant at = Instant.parse("2026-11-21T10:00:00Z");
    BenchLanding landing = new BenchLanding(dir.resolve("landing"), fleet, 42);
    long generate = System.nanoTime();
    landing.full(n, at);
    landing.deliveries(n, at);
    long generateMillis = (System.nanoTime() - generate) / 1_000_000;
    out.printf(Locale.ROOT, "bench etl: N=%,d landing generated in %.1f s (%,d MB gzip)%n", n, generateMillis / 1000.0,
        landing.bytes.get() >> 20);
    EtlConfig config = EtlConfig.forData(dir.toString()).withMaster(master).withAsOf(at);
    resetPeakHeap();
    EtlSummary full = new EtlJob(spark, config, new EtlProgress(System.err)).run();
    long fullHeap = peakHeap();
    out.print(full.format());

    int hour = Math.max(1, n / 4);
    landing.hour(n, hour, at.plusSeconds(3600));
    resetPeakHeap();
    EtlSummary incremental = new EtlJob(spark, config.withAsOf(at.plusSeconds(3600)), new EtlProgress(System.err)).run();
    long incrementalHeap = peakHeap();
    out.print(incremental.format());
    return new Result(n, generateMillis, full, fullHeap, hour, incremental, incrementalHeap);
  }

  private static void resetPeakHeap() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
    }
    return sum;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (var files = Files.walk(dir)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(file);
    }
  }
}

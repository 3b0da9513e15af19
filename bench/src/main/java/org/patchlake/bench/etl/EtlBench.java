package org.patchlake.bench.etl;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Timer;
import java.util.TimerTask;
import org.apache.spark.sql.SparkSession;
import org.patchlake.bench.BenchData;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.patchlake.etl.EtlCommand;
import org.patchlake.etl.EtlConfig;
import org.patchlake.etl.EtlJob;
import org.patchlake.etl.EtlProgress;
import org.patchlake.etl.EtlSummary;

/**
 * {@code ./patchlake bench etl [--sizes 10000,50000,200000] [--cache DIR] [--data DIR]
 * [--definitions definitions.zip] [--timeout-minutes 60] [--seed 42]}: for each fleet size N, a full ETL run over
 * generated landing on the real catalog (one full inventory per endpoint plus a week of deliveries), then an
 * incremental run over one hour of uploads (N/4 rescans: 50,000 at 200,000), then one over a 5-minute slice
 * (N/48 rescans: what the server's scheduled run sees every 5 minutes). Landing input is cached by size and seed;
 * stage progress goes to stderr, a table to stdout. A run that passes the time limit is cancelled and reported as
 * such, so the bench always ends. Never part of the tests.
 */
@Command(name = Commands.BENCH_ETL, description = Commands.BENCH_ETL_SUMMARY, sortOptions = false)
public final class EtlBench implements java.util.concurrent.Callable<Integer> {
  @Mixin HelpOption help;

  @Option(names = "--sizes", paramLabel = "N,N", split = ",", defaultValue = "10000,50000,200000",
      description = "Fleet sizes. Default: ${DEFAULT-VALUE}.")
  List<Integer> sizes;

  @Option(names = "--cache", paramLabel = "DIR", description = "Generated landing kept across runs (default: "
      + "patchlake-bench/etl in the system temp directory).")
  Path cache;

  @Option(names = "--data", paramLabel = "DIR", description = "Where the runs' warehouses go (default CACHE/runs).")
  Path data;

  @Option(names = "--definitions", paramLabel = "FILE", description = "wesng's definitions.zip (default: sample-data/wesng).")
  Path definitions;

  @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]", description = "Spark master. Default: ${DEFAULT-VALUE}.")
  String master;

  @Option(names = "--timeout-minutes", paramLabel = "M", defaultValue = "60", description = "Time limit. Default: ${DEFAULT-VALUE}.")
  long timeoutMinutes;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  /** Set by the watchdog when the bench's time limit passed: later runs are skipped. */
  private static volatile boolean timedOut;

  /** One timed ETL run; summary null when it failed or was cancelled. */
  record Run(String name, int inventories, EtlSummary summary, long peakHeap, double cpuSeconds, String failure) {
    double seconds() {
      return summary == null ? Double.NaN : summary.elapsed().toMillis() / 1000.0;
    }
  }

  public static void main(String[] args) {
    CommandMain.exit("bench " + Commands.BENCH_ETL, new EtlBench(), args);
  }

  @Override
  public Integer call() throws IOException {
    Path cache = this.cache != null ? this.cache : BenchData.cache("etl");
    Path definitions = this.definitions != null ? this.definitions : BenchData.definitions();
    if (!Files.isRegularFile(definitions)) {
      throw new IllegalArgumentException("definitions.zip not found at " + definitions + " (--definitions FILE)");
    }
    Path runs = data != null ? data : cache.resolve("runs");
    PrintStream out = System.out;
    long benchStart = System.nanoTime();
    out.printf(Locale.ROOT, "bench etl: sizes %s, %d cores, max heap %d MB, load average %.1f at start%n", sizes,
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
    EtlConfig base = EtlConfig.forData(runs.toString()).withMaster(master);
    long sessionStart = System.nanoTime();
    SparkSession spark = EtlCommand.session(base);
    double sessionSeconds = (System.nanoTime() - sessionStart) / 1e9;
    long deadline = System.nanoTime() + timeoutMinutes * 60_000_000_000L;
    Timer watchdog = new Timer("bench-etl-timeout", true);
    watchdog.schedule(new TimerTask() {
      @Override
      public void run() {
        System.err.println("bench etl: time limit of the bench reached, cancelling Spark jobs");
        timedOut = true;
        spark.sparkContext().cancelAllJobs();
      }
    }, timeoutMinutes * 60_000L);
    List<List<Run>> table = new ArrayList<>();
    try {
      BenchInputs inputs = new BenchInputs(cache, definitions, seed, out);
      Path catalog = inputs.catalogWarehouse(spark);
      for (int n : sizes) {
        if (timedOut || System.nanoTime() > deadline) {
          out.println("bench etl: time limit reached, skipping N=" + n);
          continue;
        }
        table.add(runSize(spark, inputs, catalog, runs.resolve("n-" + n), n, master, out));
      }
    } finally {
      watchdog.cancel();
      spark.stop();
    }
    printTable(out, sizes, table, sessionSeconds, (System.nanoTime() - benchStart) / 1e9);
    return 0;
  }

  private static List<Run> runSize(SparkSession spark, BenchInputs inputs, Path catalog, Path dir, int n,
      String master, PrintStream out) throws IOException {
    Instant at = Instant.parse("2026-11-21T10:00:00Z");
    Instant hourEnd = at.plusSeconds(3600);
    Instant sliceEnd = hourEnd.plusSeconds(300);
    int hour = Math.max(1, n / 4);
    int slice = Math.max(1, n / 48);
    Path full = inputs.fullLanding(catalog, n, at);
    Path hourLanding = inputs.rescans(catalog, "hour", n, hour, hourEnd, 3600);
    Path sliceLanding = inputs.rescans(catalog, "slice", n, slice, sliceEnd, 300);
    BenchInputs.deleteTree(dir);
    BenchInputs.linkTree(catalog.resolve("catalog"), dir.resolve("warehouse/catalog"));
    EtlConfig config = EtlConfig.forData(dir.toString()).withMaster(master);
    List<Run> results = new ArrayList<>();
    BenchInputs.linkTree(full, dir.resolve("landing"));
    results.add(run(spark, "full N=" + n, n, config.withAsOf(at), out));
    BenchInputs.linkTree(hourLanding, dir.resolve("landing"));
    results.add(run(spark, "hour N=" + n, hour, config.withAsOf(hourEnd), out));
    BenchInputs.linkTree(sliceLanding, dir.resolve("landing"));
    results.add(run(spark, "5-min slice N=" + n, slice, config.withAsOf(sliceEnd), out));
    return results;
  }

  private static Run run(SparkSession spark, String name, int inventories, EtlConfig config, PrintStream out) {
    if (timedOut) return new Run(name, inventories, null, 0, Double.NaN, "skipped: time limit");
    out.printf(Locale.ROOT, "bench etl: %s: %,d inventories, load average %.1f%n", name, inventories, loadAverage());
    resetPeakHeap();
    long cpu = processCpuNanos();
    try {
      EtlSummary summary = new EtlJob(spark, config, new EtlProgress(System.err)).run();
      long heap = peakHeap();
      double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
      out.print(summary.format());
      out.printf(Locale.ROOT, "bench etl: %s: %.1f s (process CPU %.1f s), peak heap %,d MB, load average %.1f%n",
          name, summary.elapsed().toMillis() / 1000.0, cpuSeconds, heap >> 20, loadAverage());
      return new Run(name, inventories, summary, heap, cpuSeconds, null);
    } catch (Exception e) { // a cancelled job's SparkException is checked but reaches here undeclared
      out.println("bench etl: " + name + " failed: " + e.getMessage());
      return new Run(name, inventories, null, peakHeap(), (processCpuNanos() - cpu) / 1e9, String.valueOf(e.getMessage()));
    }
  }

  private static void printTable(PrintStream out, List<Integer> sizes, List<List<Run>> table, double sessionSeconds,
      double totalSeconds) {
    out.println();
    out.println("endpoints  full_s  full_cpu_s  update_state_rows  full_heap_mb  hour_inv  hour_s  hour_cpu_s"
        + "  hour_evaluated  hour_heap_mb  slice_inv  slice_s  slice_cpu_s");
    for (List<Run> size : table) {
      Run full = size.get(0);
      Run hour = size.get(1);
      Run slice = size.get(2);
      int n = full.inventories();
      out.printf(Locale.ROOT, "%9d  %6.1f  %10.1f  %17d  %12d  %8d  %6.1f  %10.1f  %14d  %12d  %9d  %7.1f  %11.1f%n",
          n, full.seconds(), full.cpuSeconds(),
          full.summary() == null ? -1 : full.summary().rowCounts().getOrDefault("update_state", 0L),
          full.peakHeap() >> 20, hour.inventories(), hour.seconds(), hour.cpuSeconds(),
          hour.summary() == null ? -1 : hour.summary().evaluatedComputers(), hour.peakHeap() >> 20,
          slice.inventories(), slice.seconds(), slice.cpuSeconds());
    }
    out.printf(Locale.ROOT, "Spark session start %.1f s (a scheduled run pays it again: own process); bench total"
        + " %.1f s; load average %.1f at end; %d cores, max heap %d MB%n", sessionSeconds, totalSeconds, loadAverage(),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    out.println("cpu_s: process CPU time of the run (all threads; 2 cores give at most 2 s per second): steadier than"
        + " wall time on a shared machine; peak heap: sum of the heap pools' peaks (an upper bound)");
    out.println("targets: 200,000 full < 600 s; hour (50,000 inventories) < 120 s; upload visible within"
        + " 300 s = schedule interval + slice run + process start");
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
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
}

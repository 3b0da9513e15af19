package org.patchlake.bench.etl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.WesngCatalogBuilder;
import org.patchlake.etl.catalog.CatalogImporter;
import org.patchlake.etl.catalog.CatalogStore;

/**
 * The bench's inputs, generated once and cached under a directory (default patchlake-bench/etl in the system temp directory) keyed by
 * what determines them: the imported real catalog, and landing files per fleet size and seed (written directly in
 * the landing envelope format, no HTTP). A cache entry counts only once its _COMPLETE marker exists, so a killed
 * generation is redone. Runs get the landing files by hard link: no copy, and the cache stays untouched.
 */
final class BenchInputs {
  /** Part of a landing cache entry's name: v3 inventories carry Windows Update's verdict (v2 ones do not). */
  static final String VERSION = "v3";

  private final Path cache;
  private final Path definitions;
  private final long seed;
  private final PrintStream out;
  private BenchFleet fleet;

  BenchInputs(Path cache, Path definitions, long seed, PrintStream out) {
    this.cache = requireNonNull(cache, "cache is null");
    this.definitions = requireNonNull(definitions, "definitions is null");
    this.seed = seed;
    this.out = requireNonNull(out, "out is null");
  }

  /** A warehouse directory holding the imported real catalog (WH/catalog/...). */
  Path catalogWarehouse(SparkSession spark) throws IOException {
    Path dir = cache.resolve("catalog-" + Files.size(definitions) + "-" + Files.getLastModifiedTime(definitions).toMillis());
    if (Files.exists(dir.resolve("_COMPLETE"))) return dir;
    deleteTree(dir);
    long started = System.nanoTime();
    out.println("bench etl: importing the real catalog " + definitions + " (cached in " + dir + ")");
    new CatalogImporter(spark, Clock.systemUTC(), line -> { })
        .write(WesngCatalogBuilder.read(definitions, rows -> { }), dir, started);
    Files.writeString(dir.resolve("_COMPLETE"), Instant.now() + "\n");
    out.printf(Locale.ROOT, "bench etl: catalog imported in %.1f s%n", (System.nanoTime() - started) / 1e9);
    return dir;
  }

  /** Landing of the full load for n endpoints: enrollment, one full inventory each, a week of deliveries. */
  Path fullLanding(Path catalogWarehouse, int n, Instant at) {
    return cached("full-n" + n, catalogWarehouse, landing -> {
      landing.full(n, at);
      landing.deliveries(n, at);
    });
  }

  /** Landing of {@code count} rescans (one more update installed each) received in the period ending at {@code at}. */
  Path rescans(Path catalogWarehouse, String name, int n, int count, Instant at, long periodSeconds) {
    return cached(name + "-n" + n + "-c" + count, catalogWarehouse, landing -> landing.rescans(n, count, at, periodSeconds));
  }

  private Path cached(String name, Path catalogWarehouse, Consumer<BenchLanding> generate) {
    Path dir = cache.resolve("landing-" + VERSION + "-" + name + "-seed" + seed);
    try {
      if (Files.exists(dir.resolve("_COMPLETE"))) {
        out.println("bench etl: landing " + name + " from cache " + dir);
        return dir;
      }
      deleteTree(dir);
      long started = System.nanoTime();
      BenchLanding landing = new BenchLanding(dir, fleet(catalogWarehouse), seed);
      generate.accept(landing);
      Files.writeString(dir.resolve("_COMPLETE"), Instant.now() + "\n");
      out.printf(Locale.ROOT, "bench etl: landing %s generated in %.1f s (%,d MB gzip) -> %s%n", name,
          (System.nanoTime() - started) / 1e9, landing.bytes.get() >> 20, dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare bench landing " + dir, e);
    }
  }

  private BenchFleet fleet(Path catalogWarehouse) throws IOException {
    if (fleet == null) {
      long started = System.nanoTime();
      Catalog catalog = new CatalogStore(catalogWarehouse).loadCurrent();
      fleet = new BenchFleet(catalog);
      out.printf(Locale.ROOT, "bench etl: fleet model on the real catalog in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }
    return fleet;
  }

  /** Hard-links every file of {@code from} (the cache) into {@code to} (a run's landing). */
  static void linkTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path file : files.toList()) {
        String relative = from.relativize(file).toString();
        if (relative.startsWith("_")) continue;
        Path target = to.resolve(relative);
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!Files.exists(target)) {
          Files.createLink(target, file);
        }
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (var files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(file);
    }
  }
}

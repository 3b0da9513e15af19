package org.patchlake.etl.catalog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.CatalogErrorKind;
import org.patchlake.core.catalog.CatalogImport;
import org.patchlake.core.catalog.KbIds;

/**
 * Writes an imported catalog as a new version of the warehouse's catalog: the seven Parquet tables through
 * Spark, {@code _CATALOG.json}, the import report, then switches {@code CURRENT}. If anything fails before the
 * switch, the half-written version directory is removed and the previous version stays current.
 */
public final class CatalogImporter {
    private final SparkSession spark;
    private final Clock clock;
    private final Consumer<String> progress;

    public CatalogImporter(SparkSession spark, Clock clock, Consumer<String> progress) {
        this.spark = requireNonNull(spark, "spark is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    public CatalogManifest write(CatalogImport imported, Path warehouse, long startedNanos) throws IOException {
        CatalogVersions versions = new CatalogVersions(warehouse);
        Instant importedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String version = CatalogVersions.versionName(importedAt);
        Path directory = versions.versionDirectory(version);
        Files.createDirectories(versions.catalogDirectory());
        try {
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException exists) {
            throw new IOException("catalog version " + directory + " already exists (two imports in the same millisecond?)");
        }
        try {
            Catalog catalog = imported.catalog();
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("rows_read", imported.rowsRead());
            counts.put("rows_skipped", imported.rowsSkipped());
            counts.put("kbs", (long) catalog.kbs().size());
            counts.put("non_kb_fix_references", catalog.kbs().stream().filter(kb -> !KbIds.isKbNumber(kb)).count());
            counts.put("cves", catalog.updates().stream().flatMap(update -> update.cves().stream()).distinct().count());
            counts.put("supersedence_cycles", (long) catalog.supersedenceCycles().size());
            counts.put("release_dates_repaired", (long) imported.releaseRepairs().size());
            counts.put(CatalogTables.BULLETINS, write(directory, CatalogTables.BULLETINS,
                    CatalogTables.bulletinRows(catalog), CatalogTables.BULLETINS_SCHEMA));
            counts.put(CatalogTables.UPDATES, write(directory, CatalogTables.UPDATES,
                    CatalogTables.updateRows(catalog), CatalogTables.UPDATES_SCHEMA));
            counts.put(CatalogTables.UPDATE_CVES, write(directory, CatalogTables.UPDATE_CVES,
                    CatalogTables.updateCveRows(catalog), CatalogTables.UPDATE_CVES_SCHEMA));
            counts.put(CatalogTables.UPDATE_SUPERSEDENCE, write(directory, CatalogTables.UPDATE_SUPERSEDENCE,
                    CatalogTables.updateSupersedenceRows(catalog), CatalogTables.UPDATE_SUPERSEDENCE_SCHEMA));
            counts.put(CatalogTables.PRODUCTS, write(directory, CatalogTables.PRODUCTS,
                    CatalogTables.productRows(catalog), CatalogTables.PRODUCTS_SCHEMA));
            counts.put(CatalogTables.CATALOG_ERRORS, write(directory, CatalogTables.CATALOG_ERRORS,
                    CatalogTables.errorRows(imported.errors()), CatalogTables.CATALOG_ERRORS_SCHEMA));
            counts.put(CatalogTables.UPDATE_CUMULATIVE, write(directory, CatalogTables.UPDATE_CUMULATIVE,
                    CatalogTables.updateCumulativeRows(catalog), CatalogTables.UPDATE_CUMULATIVE_SCHEMA));
            Map<String, Long> errors = new LinkedHashMap<>();
            imported.errorCounts().forEach((CatalogErrorKind kind, Long count) -> errors.put(kind.name(), count));
            CatalogManifest manifest = new CatalogManifest(version, imported.source(), imported.sourceFiles(),
                    importedAt, (System.nanoTime() - startedNanos) / 1_000_000, counts, errors);
            ImportReport.write(directory.resolve(ImportReport.FILE_NAME), manifest, imported);
            manifest.write(directory.resolve(CatalogManifest.FILE_NAME));
            versions.switchTo(version);
            return manifest;
        } catch (IOException | RuntimeException failure) {
            deleteQuietly(directory, failure);
            throw failure;
        }
    }

    private long write(Path directory, String table, List<Row> rows, StructType schema) throws IOException {
        progress.accept(String.format("writing %s (%,d rows)", table, rows.size()));
        Path path = directory.resolve(table);
        try {
            spark.createDataFrame(rows, schema).write().mode(SaveMode.ErrorIfExists).parquet(path.toString());
        } catch (Exception failure) { // Spark's AnalysisException is checked in Java's eyes but not declared
            throw new IOException("writing catalog table " + table + " to " + path + " failed: " + failure.getMessage(),
                    failure);
        }
        return rows.size();
    }

    private static void deleteQuietly(Path directory, Exception failure) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }
}

package org.patchlake.etl.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.io.output.NullOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.CatalogImport;
import org.patchlake.core.catalog.GeneratedCatalog;
import org.patchlake.core.catalog.Severity;
import org.patchlake.core.catalog.WesngCatalogBuilder;
import org.patchlake.etl.spark.SparkSessions;

class CatalogImportTest {
    private static SparkSession spark;

    @TempDir
    Path warehouse;

    @BeforeAll
    static void startSpark() {
        spark = SparkSessions.forTests("catalog-import-test");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static CatalogImporter importer(Instant time) {
        return new CatalogImporter(spark, Clock.fixed(time, ZoneOffset.UTC), message -> { });
    }

    private static final Instant FIRST = Instant.parse("2026-11-21T10:00:00.123Z");
    private static final Instant SECOND = Instant.parse("2026-11-21T11:00:00.456Z");

    @Test
    void the_six_tables_are_written_as_parquet_and_current_names_the_new_version() throws IOException {
        CatalogManifest manifest = importer(FIRST).write(GeneratedCatalog.asImport(), warehouse, System.nanoTime());

        Path version = warehouse.resolve("catalog/v-20261121100000123");
        assertThat(manifest.version()).isEqualTo("v-20261121100000123");
        assertThat(Files.readString(warehouse.resolve("catalog/CURRENT")).trim()).isEqualTo("v-20261121100000123");
        assertThat(spark.read().parquet(version.resolve("bulletins").toString()).count()).isEqualTo(40);
        assertThat(spark.read().parquet(version.resolve("updates").toString()).columns()).containsExactly(
                "update_id", "kb", "bulletin_id", "product", "component", "severity", "impact", "released",
                "exploited", "restart_behaviour", "supersedes");
        assertThat(spark.read().parquet(version.resolve("products").toString()).count()).isEqualTo(3);
        assertThat(spark.read().parquet(version.resolve("catalog_errors").toString()).count()).isZero();
        String first = GeneratedCatalog.cumulativeKb(1, 0);
        List<Row> closure = spark.read().parquet(version.resolve("update_supersedence").toString())
                .where("kb = '" + first + "' and product = '" + GeneratedCatalog.WINDOWS_SERVER_2019 + "'")
                .collectAsList();
        assertThat(closure).hasSize(11);
        CatalogManifest read = CatalogManifest.read(version.resolve("_CATALOG.json"));
        assertThat(read.source()).isEqualTo("generated");
        assertThat(read.importedAt()).isEqualTo(FIRST);
        assertThat(read.counts()).containsEntry("updates", 43L).containsEntry("bulletins", 40L)
                .containsEntry("update_supersedence", 3L * (11 * 12 / 2));
    }

    @Test
    void the_catalog_read_back_from_parquet_equals_the_one_written() throws IOException {
        Catalog written = GeneratedCatalog.create();
        importer(FIRST).write(GeneratedCatalog.asImport(), warehouse, System.nanoTime());

        Catalog loaded = new CatalogStore(warehouse).loadCurrent();

        assertThat(loaded.updates()).containsExactlyInAnyOrderElementsOf(written.updates());
        assertThat(loaded.bulletins()).containsExactlyInAnyOrderElementsOf(written.bulletins());
        String first = GeneratedCatalog.cumulativeKb(0, 0);
        assertThat(loaded.supersedersOf(first, GeneratedCatalog.WINDOWS_10_22H2_X64))
                .isEqualTo(written.supersedersOf(first, GeneratedCatalog.WINDOWS_10_22H2_X64)).hasSize(11);
        assertThat(new CatalogStore(warehouse).currentManifest().counts()).containsEntry("updates", 43L);
        assertThat(loaded.servicing().roles()).as("the derived cumulative packages, with their reasons")
                .isNotEmpty().containsExactlyInAnyOrderElementsOf(written.servicing().roles());
        assertThat(loaded.coveredBy("KB5950004", GeneratedCatalog.WINDOWS_10_22H2_X64))
                .isEqualTo(written.coveredBy("KB5950004", GeneratedCatalog.WINDOWS_10_22H2_X64)).contains(GeneratedCatalog.cumulativeKb(0, 11));
    }

    @Test
    void a_catalog_version_written_before_cumulative_packages_were_derived_loads_with_published_supersedence_only() throws IOException {
        importer(FIRST).write(GeneratedCatalog.asImport(), warehouse, System.nanoTime());
        Path version = warehouse.resolve("catalog").resolve(new CatalogVersions(warehouse).current().orElseThrow());
        try (Stream<Path> files = Files.walk(version.resolve(CatalogTables.UPDATE_CUMULATIVE))) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }

        Catalog loaded = new CatalogStore(warehouse).loadCurrent();

        assertThat(loaded.servicing().roles()).isEmpty();
        assertThat(loaded.coveredBy("KB5950004", GeneratedCatalog.WINDOWS_10_22H2_X64)).isEmpty();
    }

    @Test
    void a_second_import_switches_current_and_keeps_the_first_version_on_disk() throws IOException {
        importer(FIRST).write(GeneratedCatalog.asImport(), warehouse, System.nanoTime());
        importer(SECOND).write(GeneratedCatalog.asImport(), warehouse, System.nanoTime());

        assertThat(new CatalogVersions(warehouse).current()).contains("v-20261121110000456");
        assertThat(warehouse.resolve("catalog/v-20261121100000123/_CATALOG.json")).exists();
        try (Stream<Path> files = Files.list(warehouse.resolve("catalog"))) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .as("no temporary pointer file left behind")
                    .containsExactlyInAnyOrder("CURRENT", "v-20261121100000123", "v-20261121110000456");
        }
    }

    @Test
    void an_import_that_fails_while_writing_leaves_the_previous_version_current() throws IOException {
        importer(FIRST).write(GeneratedCatalog.asImport(), warehouse, System.nanoTime());
        // Interrupt the second import half-way: just before update_cves is written, a file takes its place.
        Path blocked = warehouse.resolve("catalog/v-20261121110000456/update_cves");
        CatalogImporter failing = new CatalogImporter(spark, Clock.fixed(SECOND, ZoneOffset.UTC), message -> {
            if (message.startsWith("writing update_cves")) {
                try {
                    Files.writeString(blocked, "in the way");
                } catch (IOException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        });

        assertThatThrownBy(() -> failing.write(GeneratedCatalog.asImport(), warehouse, System.nanoTime()))
                .hasMessageContaining("update_cves");

        assertThat(new CatalogVersions(warehouse).current()).contains("v-20261121100000123");
        assertThat(warehouse.resolve("catalog/v-20261121110000456")).as("half-written version removed").doesNotExist();
        assertThat(new CatalogStore(warehouse).loadCurrent().bulletins()).hasSize(40);
    }

    @Test
    void bad_rows_land_in_catalog_errors_and_the_import_report_with_their_lines() throws IOException {
        Path csv = warehouse.resolve("CVEs_small.csv");
        Files.writeString(csv, String.join("\r\n",
                "\"DatePosted\",\"CVE\",\"BulletinKB\",\"Title\",\"AffectedProduct\",\"AffectedComponent\",\"Severity\",\"Impact\",\"Supersedes\",\"Exploits\"",
                "\"20240109\",\"CVE-2024-0001\",\"5034441\",\"t\",\"Windows Server 2019\",\"\",\"Critical\",\"Spoofing\",\"5033372\",\"\"",
                "\"20240109\",\"CVE-2024-0002\",\"\",\"t\",\"Windows Server 2019\",\"\",\"Critical\",\"Spoofing\",\"\",\"\"",
                "\"20240109\",\"CVE-2024-0003\",\"5034441\",\"t, with comma\",\"Windows Server 2019\",\"\",\"System.Object[]\",\"System.Object[]\",\"\",\"\"",
                ""), StandardCharsets.UTF_8);
        CatalogImport imported = WesngCatalogBuilder.read(csv, rows -> { });

        CatalogManifest manifest = importer(FIRST).write(imported, warehouse, System.nanoTime());

        Path version = warehouse.resolve("catalog").resolve(manifest.version());
        List<Row> errors = spark.read().parquet(version.resolve("catalog_errors").toString())
                .orderBy("line", "kind").collectAsList();
        assertThat(errors).extracting(row -> row.getLong(row.fieldIndex("line")) + " " + row.getString(row.fieldIndex("kind")))
                .containsExactly("3 EMPTY_KB", "4 OBJECT_ARRAY_IMPACT", "4 OBJECT_ARRAY_SEVERITY");
        assertThat(errors.get(0).getString(errors.get(0).fieldIndex("source_file"))).isEqualTo("CVEs_small.csv");
        assertThat(manifest.errors()).containsEntry("EMPTY_KB", 1L).containsEntry("OBJECT_ARRAY_SEVERITY", 1L)
                .containsEntry("BAD_DATE", 0L);
        assertThat(Files.readString(version.resolve("_IMPORT_REPORT.txt")))
                .contains("CVEs_small.csv:3\tEMPTY_KB", "CVEs_small.csv:4\tOBJECT_ARRAY_SEVERITY");
        Row update = spark.read().parquet(version.resolve("updates").toString()).first();
        assertThat(update.getString(update.fieldIndex("severity"))).isEqualTo(Severity.CRITICAL.label());
        assertThat(update.<String>getList(update.fieldIndex("supersedes"))).containsExactly("KB5033372");
        assertThat(update.getLocalDate(update.fieldIndex("released"))).isEqualTo(LocalDate.of(2024, 1, 9));
    }

    @Test
    void the_command_imports_the_generated_catalog_and_prints_the_counts() throws IOException {
        PrintStream quiet = new PrintStream(NullOutputStream.INSTANCE);
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        CatalogImport imported = CatalogCommand.read("generated", message -> { });

        CatalogManifest manifest = CatalogCommand.write(spark, imported,
                new CatalogImportOptions("generated", warehouse, null),
                new PrintStream(printed, true, StandardCharsets.UTF_8), message -> quiet.println(message), System.nanoTime());

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("bulletins", "40", "import report:");
        assertThat(new CatalogVersions(warehouse).current()).contains(manifest.version());
    }

    @Test
    void a_warehouse_without_a_catalog_is_reported_with_the_command_to_run() {
        assertThatThrownBy(() -> new CatalogStore(warehouse).loadCurrent())
                .hasMessageContaining("no catalog in warehouse " + warehouse)
                .hasMessageContaining("catalog import");
    }
}

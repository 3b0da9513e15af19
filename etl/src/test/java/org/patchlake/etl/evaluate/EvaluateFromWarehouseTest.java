package org.patchlake.etl.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.core.catalog.GeneratedCatalog;
import org.patchlake.etl.catalog.CatalogImporter;
import org.patchlake.etl.spark.SparkSessions;

/**
 * evaluate --warehouse: the generated catalog imported as Parquet (with its derived cumulative packages), read back
 * with DuckDB, same answer as in memory.
 */
class EvaluateFromWarehouseTest {
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSessions.forTests("evaluate-from-warehouse-test");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void evaluate_reads_the_current_catalog_of_the_warehouse(@TempDir Path directory) throws Exception {
        Path warehouse = directory.resolve("warehouse");
        new CatalogImporter(spark, Clock.systemUTC(), message -> { }).write(GeneratedCatalog.asImport(), warehouse, System.nanoTime());
        Path file = directory.resolve("pc42_systeminfo.txt");
        Files.writeString(file, EvaluateCommandTest.SYSTEMINFO, StandardCharsets.US_ASCII);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EvaluateCommand.run(new String[] {"--warehouse", warehouse.toString(), "--format", "csv", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String product = "Windows 10 Version 22H2 for x64-based Systems";
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("\r\n",
                "file,product,kb,severity,cves,exploited,released",
                file + "," + product + ",KB5910120,Critical,CVE-2025-22100;CVE-2025-22107;CVE-2025-22114;CVE-2025-22121;CVE-2025-22128;CVE-2025-22135,false,2025-11-11",
                file + "," + product + ",KB5950001,Important,CVE-2024-38081;CVE-2024-38095,false,2024-07-09",
                ""));
        // KB5950004 (2025-06-10) is covered by the installed cumulative update KB5910110: the cumulative packages
        // derived at import came back from the warehouse
    }

    @Test
    void a_warehouse_without_a_catalog_is_a_usage_error_that_says_what_to_run(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("pc42_systeminfo.txt");
        Files.writeString(file, EvaluateCommandTest.SYSTEMINFO, StandardCharsets.US_ASCII);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = EvaluateCommand.run(new String[] {"--warehouse", directory.resolve("empty").toString(), file.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot load the current catalog").contains("catalog import");
    }
}

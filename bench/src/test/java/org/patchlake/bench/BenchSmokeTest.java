package org.patchlake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ./patchlake bench command once, on tiny data, on the class path the launcher gives it: each completes and
 * prints its table. Figures are not checked (timings never are). The ETL bench's warehouse, written by the current
 * ETL, feeds the query, report, web and visibility benches.
 */
@Tag("smoke")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BenchSmokeTest {
    private static final int ENDPOINTS = 40;

    @TempDir
    static Path directory;

    private static Path cache;

    @BeforeAll
    static void directories() throws IOException {
        // the query bench's PostgreSQL runs as the postgres user when we are root: it must be able to reach its cluster
        Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        cache = Files.createDirectories(directory.resolve("etl-cache"));
    }

    private static Path warehouse() {
        return cache.resolve("runs/n-" + ENDPOINTS + "/warehouse");
    }

    private static String bench(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "bench";
        System.arraycopy(args, 0, command, 1, args.length);
        Launcher.Result result = Launcher.run(directory, 15, command);
        System.out.println("./patchlake " + String.join(" ", command) + "\n" + result.output());
        assertThat(result.exitCode()).as("exit code of ./patchlake " + String.join(" ", command) + "; output:\n" + result.output())
                .isZero();
        return result.output();
    }

    @Test
    @Order(1)
    void bench_catalog() throws Exception {
        assertThat(bench("catalog", "generated", "--runs", "1")).contains("median of 1 runs: import");
    }

    @Test
    @Order(2)
    void bench_evaluate() throws Exception {
        Path inventories = Files.createDirectories(directory.resolve("inventories"));
        Files.writeString(inventories.resolve("bench_systeminfo.txt"), """
                Host Name:                 BENCH-01
                OS Name:                   Microsoft Windows 10 Pro
                OS Version:                10.0.17763 N/A Build 17763
                System Type:               x64-based PC
                Hotfix(s):                 2 Hotfix(s) Installed.
                                           [01]: KB4470788
                                           [02]: KB4480116
                """);
        assertThat(bench("evaluate", "--repeat", "1", "--dir", inventories.toString())).contains("state derivation alone");
    }

    @Test
    @Order(3)
    void bench_agent() throws Exception {
        assertThat(bench("agent", "--scans", "2")).contains("agent footprint").contains("warm scans");
    }

    @Test
    @Order(4)
    void bench_ingest() throws Exception {
        assertThat(bench("ingest", "--runs", "1", "--seconds", "2", "--count", "200", "--warmup-seconds", "0", "--agents", "4",
                "--concurrency", "2", "--installed", "20", "--generator-heap", "256m", "--data", directory.resolve("ingest").toString()))
                .contains("median of 1 run(s)");
    }

    @Test
    @Order(5)
    void bench_etl() throws Exception {
        assertThat(bench("etl", "--sizes", String.valueOf(ENDPOINTS), "--cache", cache.toString(),
                "--timeout-minutes", "10")).contains("endpoints  full_s");
        assertThat(warehouse().resolve("CURRENT")).exists();
    }

    @Test
    @Order(6)
    void bench_queries_on_the_warehouse_the_current_etl_wrote() throws Exception {
        String output = bench("queries", "--warehouse", warehouse().toString(), "--runs", "2", "--pg-runs", "1");

        assertThat(output).contains("DuckDB: 2 warm-up + 2 measured runs per query").contains("duck p50");
        if (output.contains("PostgreSQL could not start")) {
            System.out.println("bench queries smoke run: PostgreSQL could not start here, so only the DuckDB side was checked");
        } else {
            assertThat(output).contains("postgres ready in").contains("pg p50");
        }
    }

    @Test
    @Order(7)
    void bench_reports() throws Exception {
        assertThat(bench("reports", "--data", warehouse().toString(), "--repeat", "1")).contains("report bench: warehouse")
                .contains("fill+export cpu");
    }

    @Test
    @Order(8)
    void bench_web() throws Exception {
        assertThat(bench("web", "--warehouse", warehouse().toString(), "--viewers", "2", "--seconds", "3", "--think-ms", "200"))
                .contains("concurrent viewers");
    }

    @Test
    @Order(9)
    void bench_visibility() throws Exception {
        assertThat(bench("visibility", "--endpoints", String.valueOf(ENDPOINTS), "--cache", cache.toString(), "--scratch",
                directory.resolve("visibility").toString(), "--minutes", "0.5", "--marker-every", "10s", "--etl-interval", "10s",
                "--etl-min-gap", "5s", "--agents", "2", "--warm-up", "false")).contains("bench visibility:").contains("marker  upload->ETL start");
    }
}

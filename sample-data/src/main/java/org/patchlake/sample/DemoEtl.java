package org.patchlake.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.patchlake.web.WebServer;

/**
 * The demo's catalog import (started in the background, awaited before the first ETL run) and the ETL run in the
 * middle of the simulated weeks: landing sealed by the server, then {@code ./patchlake etl --as-of} the simulated
 * moment, so the administrator's reports show the fleet as it was then.
 */
final class DemoEtl {
    /** The server's warehouse looks for a new snapshot at most this often (reports' Warehouse.open). */
    private static final Duration SNAPSHOT_POLL = Duration.ofMillis(2500);
    /** Spark settings for the demo's warehouse (a few thousand computers on a small machine). */
    static final List<String> SPARK_SETTINGS = List.of();

    private final Path home;
    private final Path data;
    private final WebServer server;
    private final String catalogSource;
    /** CISA's known-exploited catalog as the project carries it (sample-data/kev/SOURCE.md). */
    static final String KEV_FILE = "sample-data/kev/known_exploited_vulnerabilities.json";

    private Process catalogImport;
    private boolean kevImported;
    private double seconds;

    DemoEtl(Path home, Path data, WebServer server, Process catalogImport, String catalogSource) {
        this.home = home;
        this.data = data;
        this.server = server;
        this.catalogImport = catalogImport;
        this.catalogSource = catalogSource;
    }

    /**
     * The demo's ETL command (the run before the wave and, through the server's ETL job, the run at the end):
     * {@code ./patchlake etl} with {@code arguments} and the Spark settings the demo's small warehouse runs best with.
     */
    static List<String> command(Path home, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(home.resolve("patchlake").toString(), "etl"));
        command.addAll(arguments);
        command.addAll(SPARK_SETTINGS);
        return List.copyOf(command);
    }

    static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Waits for the background catalog import, if one runs, and remembers the catalog for the next demo; then imports
     * the project's copy of CISA's known-exploited catalog (once a demo: an unchanged file changes nothing), so the
     * snapshots mark the known exploited bulletins.
     */
    void awaitCatalog() throws IOException, InterruptedException {
        if (catalogImport != null) {
            System.err.println("catalog: waiting for the background import to finish");
            await(catalogImport, data.resolve("catalog-import.log"), "the catalog import");
            CatalogCache.remember(data, catalogSource);
            catalogImport = null;
            System.err.println("catalog: imported (log: " + data.resolve("catalog-import.log") + ")");
        }
        if (!kevImported) {
            importKnownExploited();
            kevImported = true;
        }
    }

    private void importKnownExploited() throws IOException, InterruptedException {
        Path kev = home.resolve(KEV_FILE);
        if (!Files.isRegularFile(kev)) {
            System.err.println("kev: " + KEV_FILE + " is not in this copy of the project; no bulletin is marked known exploited");
            return;
        }
        Path log = data.resolve("kev-import.log");
        await(start(List.of(home.resolve("patchlake").toString(), "catalog", "import-kev", kev.toString(), "--warehouse",
            data.resolve("warehouse").toString()), log), log, "the KEV import");
        System.err.print("kev: " + Files.readString(log).lines().filter(line -> line.startsWith("KEV catalog"))
            .findFirst().orElse("imported") + System.lineSeparator());
    }

    /** Seconds spent in {@link #runNow} so far (waiting for the catalog import included). */
    double seconds() {
        return seconds;
    }

    /** Publishes a snapshot as of {@code asOf} and waits until the server's reports read it. */
    void runNow(Instant asOf, Duration span) throws IOException, InterruptedException {
        long started = System.nanoTime();
        awaitCatalog();
        server.services().agentApi().sealLanding();
        Path log = data.resolve("etl-" + asOf.toString().replace(':', '-') + ".log");
        System.err.println("etl: running as of " + asOf + " (log: " + log + ")");
        await(start(command(home, List.of("--data", data.toString(), "--as-of", asOf.toString(),
            "--daily-backfill-days", Long.toString(span.toDays() + 7))), log), log, "ETL as of " + asOf);
        Thread.sleep(SNAPSHOT_POLL.toMillis());
        double took = (System.nanoTime() - started) / 1e9;
        seconds += took;
        System.err.printf("etl: snapshot as of %s published in %.1f s%n", asOf, took);
    }

    private static void await(Process process, Path log, String what) throws IOException, InterruptedException {
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            List<String> lines = Files.readAllLines(log);
            throw new IllegalStateException(what + " failed; its last lines (all in " + log + "):\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
        }
    }
}

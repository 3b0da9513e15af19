package org.patchlake.etl.catalog;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import org.patchlake.core.catalog.CatalogImport;
import org.patchlake.core.catalog.GeneratedCatalog;
import org.patchlake.core.catalog.WesngCatalogBuilder;
import org.patchlake.etl.kev.EpssImportCommand;
import org.patchlake.etl.kev.KevImportCommand;
import org.patchlake.etl.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ./patchlake catalog import SOURCE --warehouse DIR}: reads the catalog (parsing in Java, in one pass),
 * writes it as a new catalog version through Spark and makes it current. Progress goes to stderr, the counts
 * to stdout.
 */
@Command(name = Commands.CATALOG, description = Commands.CATALOG_SUMMARY, subcommands = {CatalogImportCommand.class,
        KevImportCommand.class, EpssImportCommand.class})
public final class CatalogCommand {
    @Mixin
    HelpOption help;

    public static void main(String[] args) {
        CommandMain.exit(Commands.CATALOG, new CatalogCommand(), args);
    }

    /**
     * Runs one import with its own Spark session, started in the background while SOURCE is parsed; prints
     * progress to {@code log} and the counts to {@code out}.
     */
    public static CatalogManifest run(CatalogImportOptions options, PrintStream out, PrintStream log) throws IOException {
        long started = System.nanoTime();
        Consumer<String> progress = progress(log, started);
        progress.accept("starting Spark (" + (options.master() == null ? SparkSessions.DEFAULT_MASTER : options.master())
                + ") in the background");
        CompletableFuture<SparkSession> spark = CompletableFuture.supplyAsync(
                () -> SparkSessions.create("patchlake-catalog-import", options.master()));
        try {
            CatalogImport imported = read(options.source(), progress);
            return write(spark.join(), imported, options, out, progress, started);
        } finally {
            spark.thenAccept(SparkSession::stop).join();
        }
    }

    /** Writes a parsed catalog with a given session (the benchmark reuses one session for several runs). */
    public static CatalogManifest write(SparkSession spark, CatalogImport imported, CatalogImportOptions options,
            PrintStream out, Consumer<String> progress, long started) throws IOException {
        CatalogManifest manifest = new CatalogImporter(spark, Clock.systemUTC(), progress)
                .write(imported, options.warehouse(), started);
        progress.accept("done");
        out.print(ImportReport.summary(manifest));
        out.println("import report: " + new CatalogVersions(options.warehouse()).versionDirectory(manifest.version())
                .resolve(ImportReport.FILE_NAME));
        return manifest;
    }

    /** Progress lines with the elapsed time: "[  3.2 s] read 150,000 rows". */
    public static Consumer<String> progress(PrintStream log, long started) {
        return message -> log.printf("[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, message);
    }

    /**
     * Parses SOURCE in Java: the generated catalog, or a wesng zip/CSV with progress every 50,000 rows; an https://
     * SOURCE is downloaded and checked first ({@link CatalogDownload}).
     */
    public static CatalogImport read(String source, Consumer<String> progress) throws IOException {
        if (source.equals(CatalogImportOptions.GENERATED)) {
            progress.accept("building the generated catalog");
            return GeneratedCatalog.asImport();
        }
        if (CatalogDownload.isAddress(source)) {
            CatalogDownload.Downloaded downloaded = CatalogDownload.standard().download(source, progress);
            try {
                return read(downloaded.file().toString(), progress);
            } finally {
                Files.deleteIfExists(downloaded.file());
            }
        }
        progress.accept("reading " + source);
        CatalogImport imported = WesngCatalogBuilder.read(Path.of(source),
                rows -> progress.accept(String.format("read %,d rows", rows)));
        progress.accept(String.format("read %,d rows: %,d updates, %,d KBs, %,d products, %,d bad-row problems",
                imported.rowsRead(), imported.catalog().updates().size(), imported.catalog().kbs().size(),
                imported.catalog().products().size(), imported.errors().size()));
        return imported;
    }
}

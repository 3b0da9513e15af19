package org.patchlake.web.jobs;

import org.patchlake.web.auth.Scope;
import org.patchlake.web.metrics.Metrics;
import org.patchlake.web.report.ExportService;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Exports (PDF, XLSX, CSV, HTML) run as jobs: the request only submits and returns the job; the job renders the
 * report in the viewer's scope, writes the file under {@code DATA/ops/exports} and shows its progress; only the
 * user who started it may download it. Files older than {@link #KEEP} are deleted when the next export starts.
 */
public final class ExportJobs {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExportJobs.class);
    public static final String KIND = "export";
    static final Duration KEEP = Duration.ofDays(1);

    private final JobRunner jobs;
    private final ExportService exports;
    private final Path directory;
    private final Metrics metrics;
    private final Clock clock;

    public ExportJobs(JobRunner jobs, ExportService exports, Path directory, Metrics metrics, Clock clock) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.exports = requireNonNull(exports, "exports is null");
        this.directory = requireNonNull(directory, "directory is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
        deletePartialFiles(directory);
    }

    /**
     * At start: files a killed server was writing ({@code .partial}). Jobs live in memory, so no job of this server waits
     * for them, and one server owns the data directory (the operational store's lock).
     */
    private static void deletePartialFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(file -> file.getFileName().toString().endsWith(".partial")).toList()) {
                Files.deleteIfExists(file);
                LOG.info("deleted {}, an export left unfinished when the server stopped", file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the export directory " + directory, e);
        }
    }

    /** Queues the export; {@code scope} is the viewer's scope narrowed by the parameters. */
    public Job start(String user, Report report, ReportParameters parameters, Scope scope, ExportService.Format format) {
        deleteOldFiles();
        return jobs.submit(KIND, report.title() + " as " + format.name(), user, job -> {
            long started = System.nanoTime();
            ExportService.Export export = exports.export(report, parameters, scope, format, job::progress);
            job.progress("writing the file", 90);
            Files.createDirectories(directory);
            Path file = directory.resolve(job.id() + "." + format.extension());
            Path partial = directory.resolve(job.id() + ".partial");
            Files.write(partial, export.content());
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            job.result(new Job.Result(file, export.fileName(), format.contentType(), export.content().length));
            double seconds = (System.nanoTime() - started) / 1e9;
            metrics.observe("patchlake_export_duration_seconds", "Time to render an export job", seconds,
                    "format", format.extension());
            job.finish(Job.State.SUCCEEDED, String.format(Locale.ROOT, "ready: %s (%,d bytes, %.1f s)", export.fileName(),
                    export.content().length, seconds), clock.instant());
        });
    }

    private void deleteOldFiles() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Instant cutoff = clock.instant().minus(KEEP);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                        Files.deleteIfExists(file);
                    }
                } catch (NoSuchFileException gone) {
                    // another export renamed its .partial file (or another cleaner deleted it) since the listing
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the export directory " + directory, e);
        }
    }
}

package org.patchlake.web.jobs;

import org.patchlake.web.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Starts ETL runs as a child process ({@code ./patchlake etl --data DATA}): Spark never enters the web heap, and
 * a failing or crashing run only fails its job. Optionally runs on a fixed interval.
 */
public final class EtlRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EtlRunner.class);
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})\\s?%");

    private final List<String> command;
    private final Path dataDirectory;
    private final Duration timeout;
    private final JobRunner jobs;
    private final Metrics metrics;
    private final Runnable beforeRun;
    private ScheduledExecutorService schedule;

    /** @param command the ETL command without its data argument, empty when ETL cannot be started from here */
    public EtlRunner(List<String> command, Path dataDirectory, Duration timeout, JobRunner jobs, Metrics metrics) {
        this(command, dataDirectory, timeout, jobs, metrics, () -> { });
    }

    /** @param beforeRun runs at the start of every ETL run, before the child process (the server seals landing) */
    public EtlRunner(List<String> command, Path dataDirectory, Duration timeout, JobRunner jobs, Metrics metrics,
                     Runnable beforeRun) {
        this.beforeRun = requireNonNull(beforeRun, "beforeRun is null");
        this.command = List.copyOf(command);
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    public boolean available() {
        return !command.isEmpty();
    }

    /** Starts a run unless one is queued or running; returns the job (empty when one is already under way). */
    public Optional<Job> start(String startedBy) {
        if (!available()) {
            throw new UnsupportedOperationException("no ETL command configured (start the server with ./patchlake serve)");
        }
        synchronized (this) {
            if (jobs.busy("etl")) {
                return Optional.empty();
            }
            return Optional.of(jobs.submit("etl", "ETL run: landing -> warehouse snapshot", startedBy, this::run));
        }
    }

    private void run(Job job) throws IOException, InterruptedException {
        job.progress("sealing landing files so this run sees every acknowledged upload", null);
        beforeRun.run();
        List<String> full = new ArrayList<>(command);
        full.add("--data");
        full.add(dataDirectory.toString());
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            Thread reader = new Thread(() -> read(process, job), "patchlake-etl-output");
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("ETL run exceeded " + timeout + " and was stopped");
            }
            reader.join(5_000);
            int exit = process.exitValue();
            if (exit != 0) {
                throw new IllegalStateException("ETL exited with code " + exit + " (see its output)");
            }
            outcome = "succeeded";
            job.progress("ETL finished; new snapshot published", 100);
        } finally {
            double seconds = (System.nanoTime() - started) / 1e9;
            metrics.observe("patchlake_etl_run_duration_seconds", "Duration of ETL runs started by the server", seconds,
                    "outcome", outcome);
            metrics.increment("patchlake_etl_runs_total", "ETL runs started by the server, by outcome", "outcome", outcome);
            LOG.info("event=etl_run outcome={} seconds={}", outcome, String.format(java.util.Locale.ROOT, "%.1f", seconds));
        }
    }

    private static void read(Process process, Job job) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                job.output(line);
                Matcher m = PERCENT.matcher(line);
                job.progress(line.length() > 200 ? line.substring(0, 200) : line, m.find() ? Integer.valueOf(m.group(1)) : null);
            }
        } catch (IOException e) {
            job.output("(output unreadable: " + e.getMessage() + ")");
        }
    }

    /** Runs ETL every {@code interval}; a failing run is logged and counted, the schedule goes on. */
    public synchronized void schedule(Duration interval) {
        if (!available() || interval.isZero() || interval.isNegative() || schedule != null) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "patchlake-etl-schedule");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(() -> {
            try {
                start("scheduler");
            } catch (RuntimeException e) {
                LOG.warn("event=etl_schedule_error error=\"{}\"", e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("event=etl_scheduled interval_s={}", interval.toSeconds());
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}

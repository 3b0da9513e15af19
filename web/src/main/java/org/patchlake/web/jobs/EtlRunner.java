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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Starts ETL runs as a child process ({@code ./patchlake etl --data DATA}): Spark never enters the web heap, and
 * a failing or crashing run only fails its job. Optionally runs on a schedule that serves upload visibility: every
 * {@code interval} after the previous run started, and as soon as the minimum gap after the previous run's end has
 * passed when acknowledged uploads wait for a run (see {@link #schedule}).
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
    /** Null: ETL evaluates as of its own clock; otherwise each run gets {@code --as-of} this clock's time at its start. */
    private final java.time.Clock asOf;
    private final UploadBacklog backlog = new UploadBacklog(System::nanoTime, this::wake);
    private final Object state = new Object();
    /** Guarded by {@link #state}: monotonic times of the last run's start and end, whether it failed, whether one runs. */
    private long lastStart = System.nanoTime();
    private long lastEnd = lastStart;
    private boolean lastFailed;
    private boolean running;
    private boolean closed;
    private Thread scheduler;

    /** @param command the ETL command without its data argument, empty when ETL cannot be started from here */
    public EtlRunner(List<String> command, Path dataDirectory, Duration timeout, JobRunner jobs, Metrics metrics) {
        this(command, dataDirectory, timeout, jobs, metrics, () -> { });
    }

    /** @param beforeRun runs at the start of every ETL run, before the child process (the server seals landing) */
    public EtlRunner(List<String> command, Path dataDirectory, Duration timeout, JobRunner jobs, Metrics metrics,
                     Runnable beforeRun) {
        this(command, dataDirectory, timeout, jobs, metrics, beforeRun, null);
    }

    /**
     * @param asOf null: each run evaluates as of ETL's own (wall) clock; otherwise as of this clock's time when the run
     *             starts ({@code --as-of}), for a server on a simulated clock
     */
    public EtlRunner(List<String> command, Path dataDirectory, Duration timeout, JobRunner jobs, Metrics metrics,
                     Runnable beforeRun, java.time.Clock asOf) {
        this.asOf = asOf;
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

    /** Acknowledged agent uploads not yet folded in by a finished run; the server reports every acknowledgement here. */
    public UploadBacklog backlog() {
        return backlog;
    }

    private void run(Job job) throws IOException, InterruptedException {
        long started = System.nanoTime();
        synchronized (state) {
            running = true;
            lastStart = started;
        }
        String outcome = "failed";
        try {
            job.progress("sealing landing files so this run sees every acknowledged upload", null);
            backlog.sealed();
            beforeRun.run();
            List<String> full = new ArrayList<>(command);
            full.add("--data");
            full.add(dataDirectory.toString());
            if (asOf != null) {
                full.add("--as-of");
                full.add(asOf.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            }
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
            backlog.runEnded(outcome.equals("succeeded"));
            synchronized (state) {
                running = false;
                lastEnd = System.nanoTime();
                lastFailed = !outcome.equals("succeeded");
                state.notifyAll();
            }
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

    /**
     * Runs ETL on its own with the default minimum gap (30 s, or the interval when shorter): a run starts
     * {@code interval} after the previous one started, and sooner when uploads were acknowledged since the previous run sealed landing: then as soon as {@code minimumGap} has passed since
     * the previous run ended. No run ever starts less than {@code minimumGap} after the previous one ended (the
     * server loads the new snapshot and keeps answering agents meanwhile), and never while one runs. After a failed
     * run the next waits for the interval even when uploads wait (a broken ETL is not retried every gap); the
     * schedule itself never stops. Runs started by hand count as runs. {@code interval} zero: no schedule.
     */
    public void schedule(Duration interval) {
        Duration gap = org.patchlake.web.WebConfig.DEFAULT_ETL_MINIMUM_GAP;
        schedule(interval, interval.isZero() || interval.isNegative() || gap.compareTo(interval) <= 0 ? gap : interval);
    }

    /** The schedule above with an explicit minimum gap between one run's end and the next one's start. */
    public void schedule(Duration interval, Duration minimumGap) {
        requireNonNull(interval, "interval is null");
        requireNonNull(minimumGap, "minimumGap is null");
        if (minimumGap.isNegative()) {
            throw new IllegalArgumentException("minimumGap must not be negative, was " + minimumGap);
        }
        synchronized (state) {
            if (!available() || interval.isZero() || interval.isNegative() || scheduler != null || closed) {
                return;
            }
            lastStart = System.nanoTime();
            lastEnd = lastStart;
            scheduler = new Thread(() -> scheduleLoop(interval.toNanos(), minimumGap.toNanos()), "patchlake-etl-schedule");
            scheduler.setDaemon(true);
            scheduler.start();
        }
        LOG.info("event=etl_scheduled interval_s={} min_gap_s={}", interval.toSeconds(), minimumGap.toSeconds());
    }

    private void scheduleLoop(long interval, long minimumGap) {
        try {
            while (true) {
                synchronized (state) {
                    while (true) {
                        if (closed) {
                            return;
                        }
                        if (running || jobs.busy("etl")) {
                            state.wait(1_000);
                            continue;
                        }
                        long wait = nextStart(interval, minimumGap) - System.nanoTime();
                        if (wait <= 0) {
                            break;
                        }
                        TimeUnit.NANOSECONDS.timedWait(state, wait);
                    }
                }
                try {
                    start("scheduler");
                } catch (RuntimeException e) {
                    LOG.warn("event=etl_schedule_error error=\"{}\"", e.toString());
                }
                synchronized (state) {
                    // the job is queued: wait until it runs (or ends) before computing the next start
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while (!closed && !running && jobs.busy("etl") && System.nanoTime() - until < 0) {
                        state.wait(50);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Guarded by {@link #state}. */
    private long nextStart(long interval, long minimumGap) {
        long afterGap = lastEnd + minimumGap;
        if (!lastFailed && backlog.waiting()) {
            return afterGap;
        }
        long afterInterval = lastStart + interval;
        return afterInterval - afterGap > 0 ? afterInterval : afterGap;
    }

    private void wake() {
        synchronized (state) {
            state.notifyAll();
        }
    }

    @Override
    public void close() {
        Thread thread;
        synchronized (state) {
            closed = true;
            thread = scheduler;
            state.notifyAll();
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}

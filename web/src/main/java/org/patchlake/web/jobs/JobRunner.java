package org.patchlake.web.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Runs jobs off the request threads, one at a time per kind lane, and remembers the last ones so their
 * progress stays visible. A request only submits and returns the job id.
 */
public final class JobRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final int KEEP = 100;

    /** The work of a job; it reports progress and output through the job it is given. */
    public interface Work {
        void run(Job job) throws Exception;
    }

    private final Clock clock;
    private final ExecutorService etlLane = Executors.newSingleThreadExecutor(daemon("patchlake-job-etl"));
    private final ExecutorService otherLane = Executors.newFixedThreadPool(2, daemon("patchlake-job"));
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    public JobRunner(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Job submit(String kind, String description, String startedBy, Work work) {
        Job job = new Job(UUID.randomUUID().toString(), kind, description, startedBy, clock.instant());
        synchronized (jobs) {
            jobs.put(job.id(), job);
            while (jobs.size() > KEEP) {
                String oldest = jobs.keySet().iterator().next();
                if (!jobs.get(oldest).finished()) {
                    break;
                }
                jobs.remove(oldest);
            }
        }
        ("etl".equals(kind) ? etlLane : otherLane).submit(() -> execute(job, work));
        return job;
    }

    private void execute(Job job, Work work) {
        job.start(clock.instant());
        LOG.info("event=job_started id={} kind={}", job.id(), job.kind());
        try {
            work.run(job);
            if (!job.finished()) {
                job.finish(Job.State.SUCCEEDED, "done", clock.instant());
            }
        } catch (Exception | Error e) {
            job.finish(Job.State.FAILED, "failed: " + e.getMessage(), clock.instant());
            LOG.warn("event=job_failed id={} kind={} error=\"{}\"", job.id(), job.kind(), e.toString());
        }
        LOG.info("event=job_finished id={} kind={} state={}", job.id(), job.kind(), job.state());
    }

    public Optional<Job> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** Most recent first. */
    public List<Job> recent() {
        synchronized (jobs) {
            List<Job> list = new ArrayList<>(jobs.values());
            java.util.Collections.reverse(list);
            return list;
        }
    }

    public boolean busy(String kind) {
        synchronized (jobs) {
            return jobs.values().stream().anyMatch(j -> j.kind().equals(kind) && !j.finished());
        }
    }

    /** Waits (for tests and shutdown) until the job finishes or the timeout passes. */
    public boolean await(Job job, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!job.finished() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return job.finished();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() throws InterruptedException {
        etlLane.shutdownNow();
        otherLane.shutdownNow();
        etlLane.awaitTermination(10, TimeUnit.SECONDS);
        otherLane.awaitTermination(10, TimeUnit.SECONDS);
    }
}

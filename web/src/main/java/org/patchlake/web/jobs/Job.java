package org.patchlake.web.jobs;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A long piece of work (an ETL run, a large export) with visible progress. Thread-safe. */
public final class Job {
    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }

    /**
     * What the job page and the API show. {@code url} is where the job's progress is polled as JSON, {@code page} its
     * page for people, {@code download} the file once an export is done.
     */
    public record View(String id, String kind, String description, String startedBy, State state, Integer percent,
                       String progress, Instant queuedAt, Instant startedAt, Instant endedAt, List<String> outputTail,
                       String url, String page, String download) {
    }

    /** A file a job produced, to download: where it is, the name to save it as, its type and size. */
    public record Result(java.nio.file.Path file, String fileName, String contentType, long bytes) {
        public Result {
            requireNonNull(file, "file is null");
            requireNonNull(fileName, "fileName is null");
            requireNonNull(contentType, "contentType is null");
        }
    }

    private static final int TAIL_LINES = 40;

    private final String id;
    private final String kind;
    private final String description;
    private final String startedBy;
    private final Instant queuedAt;
    private State state = State.QUEUED;
    private Integer percent;
    private String progress = "queued";
    private Instant startedAt;
    private Instant endedAt;
    private final Deque<String> tail = new ArrayDeque<>();
    private Result result;

    Job(String id, String kind, String description, String startedBy, Instant queuedAt) {
        this.id = requireNonNull(id, "id is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.description = requireNonNull(description, "description is null");
        this.startedBy = requireNonNull(startedBy, "startedBy is null");
        this.queuedAt = requireNonNull(queuedAt, "queuedAt is null");
    }

    public String id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public String startedBy() {
        return startedBy;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized boolean finished() {
        return state == State.SUCCEEDED || state == State.FAILED;
    }

    synchronized void start(Instant at) {
        state = State.RUNNING;
        startedAt = at;
        progress = "running";
    }

    synchronized void finish(State finalState, String message, Instant at) {
        state = finalState;
        progress = message;
        if (finalState == State.SUCCEEDED) {
            percent = 100;
        }
        endedAt = at;
    }

    /** Progress as the work reports it: a message and, when known, a percentage. */
    public synchronized void progress(String message, Integer newPercent) {
        progress = message;
        if (newPercent != null) {
            percent = Math.max(0, Math.min(100, newPercent));
        }
    }

    public synchronized void output(String line) {
        tail.addLast(line);
        while (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
    }

    public synchronized void result(Result file) {
        result = requireNonNull(file, "file is null");
    }

    /** The file the job produced (an export), once it is done. */
    public synchronized java.util.Optional<Result> result() {
        return java.util.Optional.ofNullable(result);
    }

    public synchronized View view() {
        return new View(id, kind, description, startedBy, state, percent, progress, queuedAt, startedAt, endedAt,
                List.copyOf(tail), "/api/v1/jobs/" + id, "/jobs/" + id, result == null ? null : "/jobs/" + id + "/download");
    }
}

package org.patchlake.bench.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./patchlake serve} as a child process for the visibility bench. Its output goes to a log file, and the ETL
 * runs it starts on its own schedule are timed from its log lines as they arrive ({@code event=job_started ...
 * kind=etl}, {@code event=etl_run outcome=...}). {@link #close()} stops the server and every process under it
 * (the ETL's JVM included).
 */
final class ServeProcess implements AutoCloseable {
    /** One ETL run seen in the server's log, monotonic times; {@code end} is 0 while it runs. */
    record EtlRun(long start, long end, String outcome) {
    }

    private final Process process;
    private final List<EtlRun> runs = new ArrayList<>();
    private long runStart;

    private ServeProcess(Process process, Path log) throws IOException {
        this.process = process;
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        Thread reader = new Thread(() -> read(out), "visibility-serve-log");
        reader.setDaemon(true);
        reader.start();
    }

    static ServeProcess start(List<String> command, Path log) throws IOException {
        return new ServeProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
    }

    private void read(PrintWriter out) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                long now = System.nanoTime();
                out.println(line);
                synchronized (runs) {
                    if (line.contains("event=job_started") && line.contains("kind=etl")) {
                        runStart = now;
                    } else if (line.contains("event=etl_run outcome=") && runStart != 0) {
                        String outcome = line.replaceAll(".*event=etl_run outcome=(\\S+).*", "$1");
                        runs.add(new EtlRun(runStart, now, outcome));
                        runStart = 0;
                    }
                }
            }
        } catch (IOException e) {
            out.println("(server output unreadable: " + e.getMessage() + ")");
        } finally {
            out.close();
        }
    }

    /** The first ETL run that started after {@code time} (finished or, with end 0, running); null when none yet. */
    EtlRun runStartedAfter(long time) {
        synchronized (runs) {
            for (EtlRun run : runs) {
                if (run.start() - time > 0) {
                    return run;
                }
            }
            return runStart != 0 && runStart - time > 0 ? new EtlRun(runStart, 0, "running") : null;
        }
    }

    List<EtlRun> runs() {
        synchronized (runs) {
            return List.copyOf(runs);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();   // SIGTERM: the server's shutdown hook closes its stores
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : children) {   // an ETL JVM still running
            child.destroyForcibly();
        }
    }
}

package org.patchlake.web.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./patchlake serve} in a child JVM on this JVM's class path, the way the launcher starts it, on a free loopback
 * port over one data directory, with no ETL schedule. Its output is appended to a log file; {@link #kill()} is a
 * SIGKILL (no shutdown hook, nothing flushed or sealed), {@link #close()} a SIGTERM (the shutdown hook seals landing).
 */
public final class ServeChild implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("patchlake serve: listening on http://127\\.0\\.0\\.1:(\\d+) ");

    private final Process process;
    private final int port;
    private final Path log;

    private ServeChild(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts serve over {@code data} and returns once it listens (at most two minutes, a loaded machine included). */
    public static ServeChild start(Path data, Path log, String... extraArguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.patchlake.web.ServeCommand",
                "--data", data.toString(), "--host", "127.0.0.1", "--port", "0", "--etl-interval", "0", "--etl-command", ""));
        command.addAll(List.of(extraArguments));
        try {
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < deadline) {
                Matcher listening = LISTENING.matcher(tail(log, logStart));
                if (listening.find()) {
                    return new ServeChild(process, Integer.parseInt(listening.group(1)), log);
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("serve exited with " + process.exitValue() + " before listening; see " + log);
                }
                Thread.sleep(20);
            }
            process.destroyForcibly();
            throw new IllegalStateException("serve did not listen within two minutes; see " + log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start serve over " + data, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while serve started", e);
        }
    }

    private static String tail(Path log, long from) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        return new String(bytes, (int) Math.min(from, bytes.length), (int) Math.max(0, bytes.length - from), StandardCharsets.UTF_8);
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        await();
    }

    /** SIGTERM (the shutdown hook closes the stores and seals landing), then SIGKILL after 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        await();
    }

    private void await() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("serve (pid " + process.pid() + ") did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

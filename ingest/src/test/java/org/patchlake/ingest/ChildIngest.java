package org.patchlake.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ./patchlake ingest} in a child JVM (same classpath), so a test can SIGKILL it. */
final class ChildIngest implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("ingest listening on port (\\d+)");

    private final Process process;
    private final int port;

    private ChildIngest(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ChildIngest start(Path data, Path log, String... extraArgs) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                IngestCommand.class.getName(), "--data", data.toString(), "--port", "0"));
        command.addAll(List.of(extraArgs));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    return new ChildIngest(process, Integer.parseInt(matcher.group(1)));
                }
            }
            throw new IllegalStateException("child ingest exited with " + process.waitFor() + " before listening; see " + log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no seal, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the shutdown hook seals landing. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

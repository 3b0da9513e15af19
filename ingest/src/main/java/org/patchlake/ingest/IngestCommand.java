package org.patchlake.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./patchlake ingest [--data DIR] [--port N] [--node NAME] [--roll-seconds S] [--max-timestamp-ahead 24h]}: the agent API alone.
 * Prints {@code ingest listening on port N} once ready; SIGTERM / Ctrl-C stops it cleanly (landing sealed).
 */
public final class IngestCommand {
    private static final Logger log = LoggerFactory.getLogger(IngestCommand.class);

    private IngestCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        IngestConfig config;
        try {
            config = configFrom(args);
        } catch (IllegalArgumentException e) {
            System.err.println("patchlake ingest: " + e.getMessage());
            System.err.println("usage: ./patchlake ingest [--data DIR] [--port N] [--node NAME] [--roll-seconds S] [--max-timestamp-ahead 24h]");
            System.exit(2);
            return;
        }
        IngestServer server = IngestServer.start(IngestService.open(config));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping ingest: sealing landing files");
            server.close();
            stopped.countDown();
        }, "ingest-shutdown"));
        System.out.println("ingest listening on port " + server.port() + " over " + config.dataDirectory().toAbsolutePath());
        System.out.flush();
        stopped.await();
    }

    static IngestConfig configFrom(String[] args) {
        CommandLine line = CommandLine.parse(args, Set.of("--data", "--port", "--node", "--roll-seconds", "--max-timestamp-ahead"));
        if (!line.positional().isEmpty()) {
            throw new IllegalArgumentException("unexpected argument " + line.positional().get(0));
        }
        IngestConfig config = IngestConfig.defaults(Path.of(line.flag("--data", "data")))
                .withPort(line.intFlag("--port", IngestConfig.DEFAULT_PORT));
        config = config.withNode(line.flag("--node", config.node()));
        int rollSeconds = line.intFlag("--roll-seconds", (int) config.rollAge().toSeconds());
        config = config.withRoll(config.rollBytes(), Duration.ofSeconds(rollSeconds));
        return config.withMaxTimestampAhead(line.durationFlag("--max-timestamp-ahead", config.maxTimestampAhead()));
    }
}

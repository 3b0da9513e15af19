package org.patchlake.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.DurationConverter;
import org.patchlake.cli.HelpOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./patchlake ingest [--data DIR] [--port N] [--node NAME] [--roll-seconds S] [--max-timestamp-ahead 24h]}: the agent API alone.
 * Prints {@code ingest listening on port N} once ready; SIGTERM / Ctrl-C stops it cleanly (landing sealed).
 */
@Command(name = Commands.INGEST, description = Commands.INGEST_SUMMARY, sortOptions = false,
        footer = "Prints 'ingest listening on port N' once ready; SIGTERM / Ctrl-C stops it cleanly (landing files sealed).")
public final class IngestCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(IngestCommand.class);

    @Mixin
    HelpOption help;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "Data directory. Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + IngestConfig.DEFAULT_PORT,
            description = "Port (0: any free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--node", paramLabel = "NAME", description = "This node's name in landing file names (default: the host name).")
    String node;

    @Option(names = "--roll-seconds", paramLabel = "S", description = "Seal a landing file after this many seconds (default 300).")
    Integer rollSeconds;

    @Option(names = "--max-timestamp-ahead", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Agent times later than server time + this are refused (default 24h).")
    Duration maxTimestampAhead;

    public static void main(String[] args) {
        CommandMain.exitOnFailure(Commands.INGEST, new IngestCommand(), args);
    }

    IngestConfig config() {
        IngestConfig config = IngestConfig.defaults(data).withPort(port);
        if (node != null) {
            config = config.withNode(node);
        }
        if (rollSeconds != null) {
            config = config.withRoll(config.rollBytes(), Duration.ofSeconds(rollSeconds));
        }
        return maxTimestampAhead == null ? config : config.withMaxTimestampAhead(maxTimestampAhead);
    }

    @Override
    public Integer call() throws InterruptedException {
        IngestConfig config = config();
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
        return 0;
    }
}

package org.patchlake.bench.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The load generator's options, given to {@code bench ingest} and passed on to its {@link LoadGenerator} process. */
final class GeneratorOptions {
    @Option(names = "--agents", paramLabel = "N", defaultValue = "500", description = "Enrolled agents. Default: ${DEFAULT-VALUE}.")
    int agents;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64",
            description = "Keep-alive connections. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
            description = "Uploads per second, open loop (0: as fast as answered). Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--installed", paramLabel = "N", defaultValue = "300",
            description = "Installed updates per inventory. Default: ${DEFAULT-VALUE}.")
    int installed;

    /** The same options as a command line for the generator process. */
    List<String> arguments() {
        return new ArrayList<>(List.of("--agents", String.valueOf(agents), "--concurrency", String.valueOf(concurrency),
                "--rate", String.format(Locale.ROOT, "%s", rate), "--installed", String.valueOf(installed)));
    }
}

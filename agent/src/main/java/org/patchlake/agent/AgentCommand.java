package org.patchlake.agent;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.patchlake.agent.endpoint.Endpoint;
import org.patchlake.agent.endpoint.SimulatedEndpoint;
import org.patchlake.agent.endpoint.windows.WindowsEndpoint;
import org.patchlake.agent.state.StateDirectoryException;
import org.patchlake.agent.upload.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./patchlake agent --server URL --enroll TOKEN [--simulate machine.json] [--state-dir DIR] [--rules FILE]
 * [--spool-limit-mb N] [--offline-scan-file FILE] [--once]}: runs the agent until stopped, one tick a minute (or as soon as work is due).
 */
public final class AgentCommand {

    private static final Logger LOG = LoggerFactory.getLogger(AgentCommand.class);
    static final String USAGE = "usage: patchlake agent --server URL --enroll TOKEN [--simulate machine.json] "
        + "[--state-dir DIR] [--rules rules.json] [--spool-limit-mb N] [--offline-scan-file wsusscn2.cab] [--once]";

    private AgentCommand() {
    }

    public static void main(String[] args) throws Exception {
        AgentConfig config;
        boolean once;
        try {
            Map<String, String> flags = Flags.parse(args, java.util.Set.of("--once"));
            config = config(flags);
            once = flags.containsKey("--once");
        } catch (IllegalArgumentException e) {
            System.err.println("patchlake agent: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Clock clock = Clock.systemUTC();
        Path simulatedState = config.stateDirectory().resolve("simulated-machine.json");
        Endpoint endpoint;
        if (config.simulateMachine() != null) {
            endpoint = SimulatedEndpoint.load(Files.exists(simulatedState) ? simulatedState : config.simulateMachine(), clock);
        } else {
            try {
                endpoint = WindowsEndpoint.create(clock, config.stateDirectory().resolve("logs"), System.getenv(),
                    config.offlineScanFile());
            } catch (IllegalStateException e) {
                System.err.println("patchlake agent: " + e.getMessage());
                System.exit(2);
                return;
            }
        }
        Agent agent;
        try {
            agent = AgentFactory.create(config, endpoint, clock, Backoff.standard());
        } catch (StateDirectoryException e) {
            System.err.println("patchlake agent: " + e.getMessage() + "; refusing to run from it");
            System.exit(2);
            return;
        }
        LOG.info("patchlake agent {} (state {}, server {}, {})", AgentConfig.VERSION, config.stateDirectory(),
            config.server(), config.simulateMachine() == null ? "Windows" : "simulating " + config.simulateMachine());
        while (true) {
            Instant now = clock.instant();
            Agent.TickReport report;
            try {
                report = agent.tick(now);
            } catch (RuntimeException e) {
                if (once) {
                    throw e;
                }
                // a full disk or an unreadable endpoint must not end the service; the next tick tries again
                LOG.error("tick failed, retrying in a minute", e);
                Thread.sleep(60_000);
                continue;
            }
            if (endpoint instanceof SimulatedEndpoint simulated) {
                simulated.save(simulatedState);
            }
            LOG.info("tick: enrolled={} checkedIn={} scanned={} inventoryQueued={} attempts={} restarts={} sent={} "
                    + "spooled={}{}", report.enrolled(), report.checkedIn(), report.scanned(), report.inventoryQueued(),
                report.attempts().size(), report.restarts().size(), report.sent(), report.spooled(),
                report.notDeliveredReason() == null ? "" : " (" + report.notDeliveredReason() + ")");
            if (once) {
                return;
            }
            Duration wait = Duration.between(clock.instant(), agent.nextWakeAt(clock.instant()));
            Thread.sleep(Math.max(1_000, Math.min(60_000, wait.toMillis())));
        }
    }

    static AgentConfig config(Map<String, String> flags) {
        String server = flags.get("--server");
        if (server == null) {
            throw new IllegalArgumentException("--server URL is required");
        }
        URI uri;
        try {
            uri = URI.create(server);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--server is not a URL: '" + server + "'");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("--server must be an http(s) URL but was '" + server + "'");
        }
        Path stateDirectory = Path.of(flags.getOrDefault("--state-dir", defaultStateDirectory()));
        AgentConfig config = AgentConfig.defaults(uri, flags.get("--enroll"), stateDirectory);
        if (flags.containsKey("--simulate")) {
            config = config.withSimulateMachine(Path.of(flags.get("--simulate")));
        }
        if (flags.containsKey("--rules")) {
            config = config.withRulesFile(Path.of(flags.get("--rules")));
        }
        if (flags.containsKey("--offline-scan-file")) {
            config = config.withOfflineScanFile(Path.of(flags.get("--offline-scan-file")));
        }
        if (flags.containsKey("--spool-limit-mb")) {
            try {
                config = config.withSpoolLimitBytes(Long.parseLong(flags.get("--spool-limit-mb")) * 1024 * 1024);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--spool-limit-mb is not a number: '" + flags.get("--spool-limit-mb") + "'");
            }
        }
        return config;
    }

    private static String defaultStateDirectory() {
        String programData = System.getenv("ProgramData");
        return programData != null ? programData + "\\Patchlake\\agent" : "agent-state";
    }

    /** Tiny flag parser: {@code --name value} pairs and the listed switches without values. */
    static final class Flags {
        private Flags() {
        }

        static Map<String, String> parse(String[] args, java.util.Set<String> switches) {
            Map<String, String> flags = new java.util.LinkedHashMap<>();
            java.util.Set<String> known = java.util.Set.of("--server", "--enroll", "--simulate", "--state-dir", "--rules",
                "--spool-limit-mb", "--offline-scan-file");
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (switches.contains(name)) {
                    flags.put(name, "true");
                } else if (known.contains(name)) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    flags.put(name, args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument '" + name + "'");
                }
            }
            return flags;
        }
    }
}

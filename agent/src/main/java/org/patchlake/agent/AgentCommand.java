package org.patchlake.agent;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import org.patchlake.agent.endpoint.Endpoint;
import org.patchlake.agent.endpoint.SimulatedEndpoint;
import org.patchlake.agent.endpoint.windows.WindowsEndpoint;
import org.patchlake.agent.state.StateDirectoryException;
import org.patchlake.agent.upload.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./patchlake agent --server URL --enroll TOKEN [--simulate machine.json] [--state-dir DIR] [--rules FILE]
 * [--spool-limit-mb N] [--offline-scan-file FILE] [--once]}: runs the agent until stopped, one tick a minute (or as soon as work is due).
 */
@Command(name = Commands.AGENT, description = Commands.AGENT_SUMMARY, sortOptions = false)
public final class AgentCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(AgentCommand.class);

    @Mixin
    HelpOption help;

    @Option(names = "--server", paramLabel = "URL", required = true, description = "The server's address (http or https).")
    String server;

    @Option(names = "--enroll", paramLabel = "TOKEN", description = "Enrollment token (needed until the agent is enrolled).")
    String enroll;

    @Option(names = "--simulate", paramLabel = "FILE", description = "Run on a simulated machine described by this JSON file.")
    Path simulate;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the agent keeps its state (default %ProgramData%\\Patchlake\\agent, else ./agent-state).")
    Path stateDirectory;

    @Option(names = "--rules", paramLabel = "FILE", description = "Detection rules file (rules.json).")
    Path rules;

    @Option(names = "--spool-limit-mb", paramLabel = "N", description = "Most megabytes spooled while the server is away.")
    Long spoolLimitMegabytes;

    @Option(names = "--offline-scan-file", paramLabel = "FILE", description = "Scan offline against this wsusscn2.cab.")
    Path offlineScanFile;

    @Option(names = "--once", description = "One tick, then exit.")
    boolean once;

    public static void main(String[] args) {
        CommandMain.exit(Commands.AGENT, new AgentCommand(), args);
    }

    /** The configuration a command line describes (tests). */
    static AgentConfig config(String... args) {
        AgentCommand command = new AgentCommand();
        new CommandLine(command).parseArgs(args);
        return command.config();
    }

    @Override
    public Integer call() throws Exception {
        AgentConfig config = config();
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
                return 2;
            }
        }
        Agent agent;
        try {
            agent = AgentFactory.create(config, endpoint, clock, Backoff.standard());
        } catch (StateDirectoryException e) {
            System.err.println("patchlake agent: " + e.getMessage() + "; refusing to run from it");
            return 2;
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
                return 0;
            }
            Duration wait = Duration.between(clock.instant(), agent.nextWakeAt(clock.instant()));
            Thread.sleep(Math.max(1_000, Math.min(60_000, wait.toMillis())));
        }
    }

    AgentConfig config() {
        URI uri;
        try {
            uri = URI.create(server);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--server is not a URL: '" + server + "'");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("--server must be an http(s) URL but was '" + server + "'");
        }
        AgentConfig config = AgentConfig.defaults(uri, enroll, stateDirectory != null ? stateDirectory : Path.of(defaultStateDirectory()));
        if (simulate != null) {
            config = config.withSimulateMachine(simulate);
        }
        if (rules != null) {
            config = config.withRulesFile(rules);
        }
        if (offlineScanFile != null) {
            config = config.withOfflineScanFile(offlineScanFile);
        }
        if (spoolLimitMegabytes != null) {
            config = config.withSpoolLimitBytes(spoolLimitMegabytes * 1024 * 1024);
        }
        return config;
    }

    private static String defaultStateDirectory() {
        String programData = System.getenv("ProgramData");
        return programData != null ? programData + "\\Patchlake\\agent" : "agent-state";
    }
}

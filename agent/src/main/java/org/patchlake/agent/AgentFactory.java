package org.patchlake.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.Platform;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.patchlake.agent.endpoint.Endpoint;
import org.patchlake.agent.endpoint.windows.WindowsDirectoryLockdown;
import org.patchlake.agent.policy.HttpPackageSource;
import org.patchlake.agent.policy.PackageSource;
import org.patchlake.agent.policy.PolicyRunner;
import org.patchlake.agent.scan.DetectionRuleSet;
import org.patchlake.agent.scan.Scanner;
import org.patchlake.agent.spool.Spool;
import org.patchlake.agent.state.DirectoryLockdown;
import org.patchlake.agent.state.PosixDirectoryLockdown;
import org.patchlake.agent.state.StateDirectory;
import org.patchlake.agent.upload.AgentJson;
import org.patchlake.agent.upload.Backoff;
import org.patchlake.agent.upload.IngestClient;

/**
 * Wires an {@link Agent} from its configuration, an endpoint and a clock (which drives the schedule, the
 * simulated machine and the request timestamps). Used by {@link AgentCommand}, the
 * tests and the fleet simulator (which passes its own clock, a no-sleep backoff and, if it has no package
 * server, its own {@link PackageSource}).
 */
public final class AgentFactory {

    private AgentFactory() {
    }

    public static Agent create(AgentConfig config, Endpoint endpoint, Clock clock, Backoff backoff) {
        HttpClient http = IngestClient.defaultHttpClient();
        return create(config, endpoint, clock, backoff, http,
            new HttpPackageSource(http, config.stateDirectory().resolve("packages"), Duration.ofMinutes(30)));
    }

    public static Agent create(AgentConfig config, Endpoint endpoint, Clock clock, Backoff backoff, HttpClient http,
                               PackageSource packages) {
        return create(config, endpoint, clock, clock, backoff, http, packages);
    }

    /**
     * {@code clock} drives the agent's schedule and dates what it reports; {@code signingClock} stamps requests
     * for the server's replay window. They differ only in the fleet simulator, whose agents live in fast-forward
     * time but talk to a real server that checks timestamps against its wall clock. The state directory is locked
     * down the way this OS needs ({@link #lockdownForThisOs()}).
     */
    public static Agent create(AgentConfig config, Endpoint endpoint, Clock clock, Clock signingClock, Backoff backoff,
                               HttpClient http, PackageSource packages) {
        return create(config, endpoint, clock, signingClock, backoff, http, packages, lockdownForThisOs());
    }

    /**
     * Secures the state directory first (before the state, the spool or any package is read or written); a directory
     * that cannot be secured is refused with a {@link org.patchlake.agent.state.StateDirectoryException}.
     */
    public static Agent create(AgentConfig config, Endpoint endpoint, Clock clock, Clock signingClock, Backoff backoff,
                               HttpClient http, PackageSource packages, DirectoryLockdown lockdown) {
        StateDirectory directory = StateDirectory.open(config.stateDirectory(), lockdown);
        ObjectMapper json = AgentJson.mapper();
        DetectionRuleSet rules = config.rulesFile() == null ? DetectionRuleSet.empty()
            : DetectionRuleSet.read(config.rulesFile(), json);
        IngestClient client = new IngestClient(config.server(), http, json, signingClock, backoff, Duration.ofSeconds(60));
        PolicyRunner runner = new PolicyRunner(endpoint, packages, config.retryDelay(), config.installTimeout(),
            Platform.isWindows());
        Scanner scanner = new Scanner(endpoint, rules, clock, AgentConfig.VERSION);
        Spool spool = new Spool(directory.spool(), config.spoolLimitBytes(), config.fsync());
        return new Agent(config, endpoint, client, runner, scanner, spool, new Random(), json);
    }

    /** Windows: owner Administrators and a protected SYSTEM/Administrators DACL; elsewhere mode 700. */
    public static DirectoryLockdown lockdownForThisOs() {
        return Platform.isWindows() ? new WindowsDirectoryLockdown() : new PosixDirectoryLockdown();
    }
}

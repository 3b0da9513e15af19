package org.patchlake.agent.endpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlake.core.protocol.AgentSettings;
import org.patchlake.core.protocol.ComputerClassHint;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.protocol.WindowsUpdateVerdict;
import org.patchlake.core.rules.EndpointFacts;

/**
 * The computer the agent runs on: what it can read (facts for detection rules, OS identity, installed
 * updates, boot time, pending restart) and what it can do (run an installer, restart). Two backends:
 * {@code WindowsEndpoint} (JNA) and {@link SimulatedEndpoint} (a JSON-described machine for tests and the
 * fleet simulator). Reads may throw {@link org.patchlake.core.rules.FactUnavailableException}.
 */
public interface Endpoint extends EndpointFacts {

    ComputerIdentity osIdentity();

    /** Updates the OS reports as installed, each with its install date when known. */
    List<InstalledUpdate> installedUpdates();

    Instant lastBootAt();

    PendingReboot pendingReboot();

    /** Runs one installer to completion and returns its exit code; never throws for installer failures. */
    InstallResult install(InstallRequest request);

    /**
     * Installs the updates of one policy run, one result per request in the same order. By default one after the
     * other, each starting when the previous ended; an endpoint may install some together (Windows 11 24H2 and
     * Server 2025 checkpoint cumulative updates go through DISM in one call, so a checkpoint is installed before
     * the update that needs it).
     */
    default List<InstallResult> installAll(List<InstallRequest> requests) {
        List<InstallResult> results = new ArrayList<>(requests.size());
        Instant next = null;
        for (InstallRequest request : requests) {
            InstallRequest stamped = next == null || !next.isAfter(request.startedAt()) ? request
                : new InstallRequest(request.kb(), request.packageFile(), request.arguments(), next, request.timeout());
            InstallResult result = install(stamped);
            results.add(result);
            next = result.endedAt();
        }
        return results;
    }

    /** The settings the server sent (at enrollment and at each check-in); endpoints that need none ignore them. */
    default void settingsReceived(AgentSettings settings) {
    }

    /** The computer class the agent was told at deployment, sent at enrollment; empty: guessed from the OS. */
    default Optional<ComputerClassHint> computerClassHint() {
        return Optional.empty();
    }

    /** The managed level (1 most critical .. 4) the agent was told at deployment, sent at enrollment. */
    default Optional<Integer> managedLevel() {
        return Optional.empty();
    }

    /**
     * Asks the Windows Update Agent which software updates are applicable and not installed, a second opinion kept
     * beside Patchlake's own verdict. Empty when this endpoint has no Windows Update Agent to ask. A search that
     * fails is a verdict carrying its error code; this never throws for a failed search.
     */
    default Optional<WindowsUpdateVerdict> searchWindowsUpdate() {
        return Optional.empty();
    }

    /**
     * Asks the OS to restart after the request's delay, showing its reason to a logged-on user, and says what the OS
     * answered (a restart already scheduled by someone else is not this request's restart).
     */
    RestartOutcome restart(RestartRequest request);
}

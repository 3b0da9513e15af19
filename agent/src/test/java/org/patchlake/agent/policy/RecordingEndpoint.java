package org.patchlake.agent.policy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.patchlake.agent.endpoint.ComputerIdentity;
import org.patchlake.agent.endpoint.Endpoint;
import org.patchlake.agent.endpoint.InstallRequest;
import org.patchlake.agent.endpoint.InstallResult;
import org.patchlake.agent.endpoint.PendingReboot;
import org.patchlake.agent.endpoint.RestartOutcome;
import org.patchlake.agent.endpoint.RestartRequest;
import org.patchlake.agent.endpoint.SimulatedEndpoint;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.rules.FactUnavailableException;
import org.patchlake.core.rules.Version;

/**
 * A simulated machine seen through the Endpoint interface with counters and switches at the Windows edge: how often
 * the installed updates were read, whether that read fails (WMI broken), every install request, and what the OS
 * answers to restarts.
 */
final class RecordingEndpoint implements Endpoint {

    private final SimulatedEndpoint machine;
    int installedUpdateReads;
    int isKbInstalledCalls;
    String installedUpdatesFailure;
    final List<InstallRequest> installs = new ArrayList<>();
    final List<RestartRequest> restartRequests = new ArrayList<>();
    final Deque<RestartOutcome> restartAnswers = new ArrayDeque<>();

    RecordingEndpoint(SimulatedEndpoint machine) {
        this.machine = machine;
    }

    @Override
    public ComputerIdentity osIdentity() {
        return machine.osIdentity();
    }

    @Override
    public List<InstalledUpdate> installedUpdates() {
        installedUpdateReads++;
        if (installedUpdatesFailure != null) {
            throw new FactUnavailableException(installedUpdatesFailure);
        }
        return machine.installedUpdates();
    }

    @Override
    public Instant lastBootAt() {
        return machine.lastBootAt();
    }

    @Override
    public PendingReboot pendingReboot() {
        return machine.pendingReboot();
    }

    @Override
    public InstallResult install(InstallRequest request) {
        installs.add(request);
        return machine.install(request);
    }

    @Override
    public RestartOutcome restart(RestartRequest request) {
        restartRequests.add(request);
        RestartOutcome answer = restartAnswers.isEmpty() ? null : restartAnswers.pop();
        if (answer != null && !answer.restartComing()) {
            return answer;
        }
        RestartOutcome simulated = machine.restart(request);
        return answer == null ? simulated : answer;
    }

    @Override
    public boolean registryKeyExists(String key) {
        return machine.registryKeyExists(key);
    }

    @Override
    public Optional<String> registryValue(String key, String name) {
        return machine.registryValue(key, name);
    }

    @Override
    public boolean fileExists(String path) {
        return machine.fileExists(path);
    }

    @Override
    public Optional<Version> fileVersion(String path) {
        return machine.fileVersion(path);
    }

    @Override
    public boolean isKbInstalled(String kb) {
        isKbInstalledCalls++;
        return machine.isKbInstalled(kb);
    }

    @Override
    public String osProduct() {
        return machine.osProduct();
    }

    @Override
    public Version osBuild() {
        return machine.osBuild();
    }
}

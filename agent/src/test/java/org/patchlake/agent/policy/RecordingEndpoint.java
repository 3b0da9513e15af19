package org.patchlake.agent.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.patchlake.agent.endpoint.ForwardingEndpoint;
import org.patchlake.agent.endpoint.InstallRequest;
import org.patchlake.agent.endpoint.InstallResult;
import org.patchlake.agent.endpoint.RestartOutcome;
import org.patchlake.agent.endpoint.RestartRequest;
import org.patchlake.agent.endpoint.SimulatedEndpoint;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.rules.FactUnavailableException;

/**
 * A simulated machine seen through the Endpoint interface with counters and switches at the Windows edge: how often
 * the installed updates were read, whether that read fails (WMI broken), every install request, and what the OS
 * answers to restarts.
 */
final class RecordingEndpoint extends ForwardingEndpoint {

    int installedUpdateReads;
    int isKbInstalledCalls;
    String installedUpdatesFailure;
    final List<InstallRequest> installs = new ArrayList<>();
    final List<RestartRequest> restartRequests = new ArrayList<>();
    final Deque<RestartOutcome> restartAnswers = new ArrayDeque<>();

    RecordingEndpoint(SimulatedEndpoint machine) {
        super(machine);
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
    public boolean isKbInstalled(String kb) {
        isKbInstalledCalls++;
        return machine.isKbInstalled(kb);
    }
}

package org.patchlake.agent.it;

import java.time.Instant;
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
import org.patchlake.core.protocol.AgentSettings;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.rules.FactUnavailableException;
import org.patchlake.core.rules.Version;

/**
 * A simulated machine whose Windows reads can be broken at the edge, the way they break on real machines: WMI and
 * the Windows Update history failing (for the update list and for every single KB check, as the Windows endpoint's
 * isKbInstalled reads the list), and the registry failing so that even the OS identity is unreadable.
 */
final class FaultyEndpoint implements Endpoint {

    private final SimulatedEndpoint machine;
    volatile String wmiFailure;
    volatile String registryFailure;
    final List<AgentSettings> settings = new java.util.concurrent.CopyOnWriteArrayList<>();

    FaultyEndpoint(SimulatedEndpoint machine) {
        this.machine = machine;
    }

    @Override
    public ComputerIdentity osIdentity() {
        if (registryFailure != null) {
            throw new FactUnavailableException(registryFailure);
        }
        return machine.osIdentity();
    }

    @Override
    public List<InstalledUpdate> installedUpdates() {
        if (wmiFailure != null) {
            throw new FactUnavailableException(wmiFailure);
        }
        return machine.installedUpdates();
    }

    @Override
    public boolean isKbInstalled(String kb) {
        if (wmiFailure != null) {
            throw new FactUnavailableException(wmiFailure);
        }
        return machine.isKbInstalled(kb);
    }

    @Override
    public void settingsReceived(AgentSettings received) {
        settings.add(received);
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
        return machine.install(request);
    }

    @Override
    public RestartOutcome restart(RestartRequest request) {
        return machine.restart(request);
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
    public String osProduct() {
        return machine.osProduct();
    }

    @Override
    public Version osBuild() {
        return machine.osBuild();
    }
}

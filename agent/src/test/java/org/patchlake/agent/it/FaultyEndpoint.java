package org.patchlake.agent.it;

import java.util.List;
import org.patchlake.agent.endpoint.ComputerIdentity;
import org.patchlake.agent.endpoint.ForwardingEndpoint;
import org.patchlake.agent.endpoint.SimulatedEndpoint;
import org.patchlake.core.protocol.AgentSettings;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.rules.FactUnavailableException;

/**
 * A simulated machine whose Windows reads can be broken at the edge, the way they break on real machines: WMI and
 * the Windows Update history failing (for the update list and for every single KB check, as the Windows endpoint's
 * isKbInstalled reads the list), and the registry failing so that even the OS identity is unreadable.
 */
final class FaultyEndpoint extends ForwardingEndpoint {

    volatile String wmiFailure;
    volatile String registryFailure;
    final List<AgentSettings> settings = new java.util.concurrent.CopyOnWriteArrayList<>();

    FaultyEndpoint(SimulatedEndpoint machine) {
        super(machine);
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
}

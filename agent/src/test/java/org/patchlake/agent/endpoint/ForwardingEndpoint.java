package org.patchlake.agent.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.rules.Version;

/**
 * An endpoint that hands every read and action of the interface to another machine, for tests that break or record
 * a few of them at the Windows edge. The interface's default methods are left as they are, so that an overridden
 * {@code install} still sees every request that {@code installAll} makes.
 */
public abstract class ForwardingEndpoint implements Endpoint {

    protected final Endpoint machine;

    protected ForwardingEndpoint(Endpoint machine) {
        this.machine = machine;
    }

    @Override
    public ComputerIdentity osIdentity() {
        return machine.osIdentity();
    }

    @Override
    public List<InstalledUpdate> installedUpdates() {
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
    public boolean isKbInstalled(String kb) {
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

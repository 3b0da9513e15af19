package org.patchlake.agent.endpoint;

import static java.util.Objects.requireNonNull;

/**
 * Who the computer is ({@code hardwareId}: a stable machine identity such as the MachineGuid): {@code product} is the catalog's AffectedProduct name
 * ("Windows 10 Version 1809 for x64-based Systems"), {@code name} the OS caption, {@code version} the
 * display version (1809, 22H2), {@code build} the full build (10.0.17763.5458).
 */
public record ComputerIdentity(String hostname, String domain, String hardwareId, String product, String name, String version,
                         String build, String architecture) {
    public ComputerIdentity {
        requireNonNull(hostname, "hostname is null");
        requireNonNull(domain, "domain is null");
        requireNonNull(hardwareId, "hardwareId is null");
        requireNonNull(product, "product is null");
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        requireNonNull(build, "build is null");
        requireNonNull(architecture, "architecture is null");
    }
}

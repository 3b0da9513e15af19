package org.patchlake.agent.endpoint;

import static java.util.Objects.requireNonNull;

/**
 * Who the computer is ({@code hardwareId}: a stable machine identity such as the MachineGuid): {@code product} is the catalog's AffectedProduct name
 * ("Windows 10 Version 1809 for x64-based Systems", "Windows Server 2022 (Server Core installation)"), {@code name}
 * the OS caption ("Microsoft Windows 11 Pro"), {@code version} the display version (1809, 22H2), {@code build} the
 * full build (10.0.17763.5458), {@code servicePack} the service pack ("Service Pack 1", empty when none).
 * Real agents and simulated endpoints alike turn it into the protocol's OS identity through
 * {@code Scanner.osIdentityOf}.
 */
public record ComputerIdentity(String hostname, String domain, String hardwareId, String product, String name, String version,
                         String build, String architecture, String servicePack) {
    public ComputerIdentity {
        requireNonNull(hostname, "hostname is null");
        requireNonNull(domain, "domain is null");
        requireNonNull(hardwareId, "hardwareId is null");
        requireNonNull(product, "product is null");
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        requireNonNull(build, "build is null");
        requireNonNull(architecture, "architecture is null");
        servicePack = servicePack == null ? "" : servicePack;
    }

    /** A computer without a service pack (every Windows 10, 11 and Server 2016+). */
    public ComputerIdentity(String hostname, String domain, String hardwareId, String product, String name, String version,
                            String build, String architecture) {
        this(hostname, domain, hardwareId, product, name, version, build, architecture, "");
    }
}

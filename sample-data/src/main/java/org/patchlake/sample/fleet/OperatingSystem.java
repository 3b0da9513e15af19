package org.patchlake.sample.fleet;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.patchlake.core.inventory.Architecture;
import org.patchlake.core.inventory.OsIdentity;

/**
 * An operating system a fleet member runs: the catalog product it is, and how Windows names it.
 *
 * @param product      the catalog's AffectedProduct ("Windows 10 Version 22H2 for x64-based Systems")
 * @param name         as systeminfo prints it ("Microsoft Windows 10 Enterprise")
 * @param version      NT version with build ("10.0.19045")
 * @param build        build number
 * @param servicePack  0 when none
 * @param architecture "x64" or "x86"
 */
public record OperatingSystem(String product, String name, String version, int build, int servicePack,
                              String architecture) {

    public OperatingSystem {
        requireNonNull(product, "product is null");
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        requireNonNull(architecture, "architecture is null");
    }

    public OsIdentity identity() {
        return new OsIdentity(name, version, build, servicePack,
            architecture.equals("x86") ? Architecture.X86 : Architecture.X64);
    }

    /** A weighted choice of operating system. */
    public record Weighted(OperatingSystem os, double weight) {
    }

    static OperatingSystem of(String product, String name, int build, int servicePack) {
        String kernel = build >= 10240 ? "10.0" : build >= 9600 ? "6.3" : build >= 9200 ? "6.2" : "6.1";
        return new OperatingSystem(product, name, kernel + "." + build, build, servicePack, "x64");
    }

    /** What enterprise clients ran in 2026: mostly current Windows 10/11, a tail of old releases. */
    static final List<Weighted> CLIENTS = List.of(
        new Weighted(of("Windows 11 Version 24H2 for x64-based Systems", "Microsoft Windows 11 Enterprise", 26100, 0), 0.26),
        new Weighted(of("Windows 11 Version 23H2 for x64-based Systems", "Microsoft Windows 11 Enterprise", 22631, 0), 0.24),
        new Weighted(of("Windows 10 Version 22H2 for x64-based Systems", "Microsoft Windows 10 Enterprise", 19045, 0), 0.32),
        new Weighted(of("Windows 10 Version 21H2 for x64-based Systems", "Microsoft Windows 10 Enterprise LTSC", 19044, 0), 0.08),
        new Weighted(of("Windows 10 Version 1809 for x64-based Systems", "Microsoft Windows 10 Enterprise LTSC", 17763, 0), 0.06),
        new Weighted(of("Windows 7 for x64-based Systems Service Pack 1", "Microsoft Windows 7 Enterprise", 7601, 1), 0.04));

    /** Servers: the supported LTSC releases and a tail of old ones that nobody dared to touch. */
    static final List<Weighted> SERVERS = List.of(
        new Weighted(of("Windows Server 2022", "Microsoft Windows Server 2022 Standard", 20348, 0), 0.34),
        new Weighted(of("Windows Server 2019", "Microsoft Windows Server 2019 Standard", 17763, 0), 0.30),
        new Weighted(of("Windows Server 2025", "Microsoft Windows Server 2025 Standard", 26100, 0), 0.08),
        new Weighted(of("Windows Server 2016", "Microsoft Windows Server 2016 Standard", 14393, 0), 0.16),
        new Weighted(of("Windows Server 2012 R2", "Microsoft Windows Server 2012 R2 Standard", 9600, 0), 0.08),
        new Weighted(of("Windows Server 2008 R2 for x64-based Systems Service Pack 1",
            "Microsoft Windows Server 2008 R2 Enterprise", 7601, 1), 0.04));
}

package org.patchlake.sample.fleet;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchlake.agent.endpoint.SimulatedMachine;
import org.patchlake.agent.endpoint.windows.WindowsOsNames;
import org.patchlake.core.inventory.Architecture;
import org.patchlake.core.inventory.InventoryOs;

/**
 * An operating system a fleet member runs: the catalog product it is, and how Windows describes itself in the registry
 * (what the agent's Windows backend reads, so a simulated machine sends exactly what a real one would).
 *
 * @param product        the catalog's AffectedProduct ("Windows 10 Version 22H2 for x64-based Systems")
 * @param productName    the registry's ProductName ("Windows 10 Enterprise"; Windows 11 still says Windows 10 there)
 * @param editionId      the registry's EditionID ("Enterprise", "EnterpriseS" for LTSC, "ServerStandard")
 * @param displayVersion the registry's DisplayVersion ("22H2"), "" before Windows 10
 * @param kernel         NT version ("10.0", "6.1")
 * @param build          build number (19045)
 * @param baseRevision   a typical UBR of the build in the demo's time (machines vary around it)
 * @param servicePack    0 when none
 */
public record OperatingSystem(String product, String productName, String editionId, String displayVersion, String kernel,
                              int build, int baseRevision, int servicePack) {

    public OperatingSystem {
        requireNonNull(product, "product is null");
        requireNonNull(productName, "productName is null");
        requireNonNull(editionId, "editionId is null");
        requireNonNull(displayVersion, "displayVersion is null");
        requireNonNull(kernel, "kernel is null");
    }

    /** The caption the Windows backend derives from the registry ("Microsoft Windows 11 Enterprise"). */
    public String caption() {
        return WindowsOsNames.caption(productName, editionId, kernel, build, installationType());
    }

    /** The registry's InstallationType: a full installation (never Server Core). */
    public String installationType() {
        return editionId.startsWith("Server") ? "Server" : "Client";
    }

    /** The identity core's product rules read ("10.0.19045"), as the server reads it from the agent's inventory. */
    public InventoryOs identity() {
        return new InventoryOs(caption(), kernel + "." + build, build, servicePack, Architecture.X64);
    }

    /** The machine's OS as its agent reads it: the full build with this machine's revision. */
    public SimulatedMachine.Os machineOs(int revision) {
        return new SimulatedMachine.Os(product, caption(), displayVersion, kernel + "." + build + "." + revision, "x64",
            servicePack > 0 ? "Service Pack " + servicePack : "");
    }

    /** HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion as Windows writes it for this OS. */
    public Map<String, String> currentVersionKey(int revision) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ProductName", productName);
        values.put("EditionID", editionId);
        values.put("InstallationType", installationType());
        values.put("CurrentBuildNumber", Integer.toString(build));
        values.put("CurrentBuild", Integer.toString(build));
        values.put("UBR", Integer.toString(revision));
        if (kernel.equals("10.0")) {
            // NT 10 keeps "6.3" in CurrentVersion for old programs and says 10.0 in the major/minor numbers
            values.put("CurrentVersion", "6.3");
            values.put("CurrentMajorVersionNumber", "10");
            values.put("CurrentMinorVersionNumber", "0");
        } else {
            values.put("CurrentVersion", kernel);
        }
        if (!displayVersion.isEmpty()) {
            values.put("DisplayVersion", displayVersion);
        }
        if (servicePack > 0) {
            values.put("CSDVersion", "Service Pack " + servicePack);
        }
        return values;
    }

    /** A weighted choice of operating system. */
    public record Weighted(OperatingSystem os, double weight) {
    }

    private static OperatingSystem nt10(String product, String productName, String editionId, String displayVersion, int build,
                                        int revision) {
        return new OperatingSystem(product, productName, editionId, displayVersion, "10.0", build, revision, 0);
    }

    /** What enterprise clients ran in 2026: mostly current Windows 10/11, a tail of old releases. */
    static final List<Weighted> CLIENTS = List.of(
        new Weighted(nt10("Windows 11 Version 24H2 for x64-based Systems", "Windows 10 Enterprise", "Enterprise", "24H2", 26100, 4061), 0.26),
        new Weighted(nt10("Windows 11 Version 23H2 for x64-based Systems", "Windows 10 Enterprise", "Enterprise", "23H2", 22631, 5335), 0.24),
        new Weighted(nt10("Windows 10 Version 22H2 for x64-based Systems", "Windows 10 Enterprise", "Enterprise", "22H2", 19045, 5737), 0.32),
        new Weighted(nt10("Windows 10 Version 21H2 for x64-based Systems", "Windows 10 Enterprise LTSC 2021", "EnterpriseS", "21H2", 19044, 5737), 0.08),
        new Weighted(nt10("Windows 10 Version 1809 for x64-based Systems", "Windows 10 Enterprise LTSC 2019", "EnterpriseS", "1809", 17763, 7009), 0.06),
        new Weighted(new OperatingSystem("Windows 7 for x64-based Systems Service Pack 1", "Windows 7 Enterprise", "Enterprise", "", "6.1",
            7601, 27519, 1), 0.04));

    /** Servers: the supported LTSC releases and a tail of old ones that nobody dared to touch. */
    static final List<Weighted> SERVERS = List.of(
        new Weighted(nt10("Windows Server 2022", "Windows Server 2022 Standard", "ServerStandard", "21H2", 20348, 3328), 0.34),
        new Weighted(nt10("Windows Server 2019", "Windows Server 2019 Standard", "ServerStandard", "1809", 17763, 7009), 0.30),
        new Weighted(nt10("Windows Server 2025", "Windows Server 2025 Standard", "ServerStandard", "24H2", 26100, 4061), 0.08),
        new Weighted(nt10("Windows Server 2016", "Windows Server 2016 Standard", "ServerStandard", "1607", 14393, 7699), 0.16),
        new Weighted(new OperatingSystem("Windows Server 2012 R2", "Windows Server 2012 R2 Standard", "ServerStandard", "", "6.3", 9600, 22371, 0), 0.08),
        new Weighted(new OperatingSystem("Windows Server 2008 R2 for x64-based Systems Service Pack 1",
            "Windows Server 2008 R2 Enterprise", "ServerEnterprise", "", "6.1", 7601, 27519, 1), 0.04));
}

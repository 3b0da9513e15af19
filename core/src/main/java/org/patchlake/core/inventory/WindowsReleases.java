package org.patchlake.core.inventory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Build number -> release of Windows 10, Windows 11 and Windows Server on NT 10.0, and the .NET Framework
 * each release ships in the box. Sources: Microsoft's release information pages (build of each feature
 * update) and the .NET Framework version table ("versions and dependencies").
 */
final class WindowsReleases {
    /** Windows 10 builds: 10240 is the original release (1507), named "Windows 10" without a version. */
    static final Map<Integer, String> WINDOWS_10 = Map.ofEntries(
            Map.entry(10240, "1507"), Map.entry(10586, "1511"), Map.entry(14393, "1607"),
            Map.entry(15063, "1703"), Map.entry(16299, "1709"), Map.entry(17134, "1803"),
            Map.entry(17763, "1809"), Map.entry(18362, "1903"), Map.entry(18363, "1909"),
            Map.entry(19041, "2004"), Map.entry(19042, "20H2"), Map.entry(19043, "21H1"),
            Map.entry(19044, "21H2"), Map.entry(19045, "22H2"));

    static final Map<Integer, String> WINDOWS_11 = Map.of(
            22000, "21H2", 22621, "22H2", 22631, "23H2", 26100, "24H2", 26200, "25H2", 28000, "26H1");

    /** Long-term servicing Windows Server releases on NT 10.0: build -> catalog product. */
    static final Map<Integer, String> SERVER_LTSC = Map.of(
            14393, "Windows Server 2016",
            17763, "Windows Server 2019",
            20348, "Windows Server 2022",
            25398, "Windows Server 2022, 23H2 Edition (Server Core installation)",
            26100, "Windows Server 2025");

    /** Semi-annual channel servers (Server Core only): build -> version. */
    static final Map<Integer, String> SERVER_SEMI_ANNUAL = Map.of(
            16299, "1709", 17134, "1803", 18362, "1903", 18363, "1909", 19041, "2004", 19042, "20H2");

    private WindowsReleases() {
    }

    static Optional<String> windows10Version(int build) {
        return Optional.ofNullable(WINDOWS_10.get(build));
    }

    static Optional<String> windows11Version(int build) {
        return Optional.ofNullable(WINDOWS_11.get(build));
    }

    /**
     * .NET Framework versions shipped with an OS (3.5 is a feature on demand on NT 6.2 and later, serviced
     * together with the 4.x line).
     */
    static Set<String> inboxDotNet(String kernelVersion, boolean server, int build) {
        switch (kernelVersion) {
            case "6.0": return Set.of("2.0 Service Pack 2", "3.0 Service Pack 2");
            case "6.1": return Set.of("3.5.1");
            case "6.2": return Set.of("3.5", "4.5");
            case "6.3": return Set.of("3.5", "4.5.1");
            case "10.0": return Set.of("3.5", dotNet4OnNt10(build));
            default: return Set.of();
        }
    }

    private static String dotNet4OnNt10(int build) {
        if (build < 10586) {
            return "4.6";
        } else if (build < 14393) {
            return "4.6.1";
        } else if (build < 15063) {
            return "4.6.2";
        } else if (build < 16299) {
            return "4.7";
        } else if (build < 17134) {
            return "4.7.1";
        } else if (build < 18362) {
            return "4.7.2";
        } else if (build < 22621 || build == 25398) {
            return "4.8";
        } else {
            return "4.8.1";
        }
    }
}

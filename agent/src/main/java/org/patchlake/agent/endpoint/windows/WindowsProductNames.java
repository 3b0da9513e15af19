package org.patchlake.agent.endpoint.windows;

import java.util.Locale;

/**
 * The catalog's AffectedProduct name for the running OS, from what the registry says (ProductName,
 * CurrentBuildNumber, DisplayVersion / ReleaseId, InstallationType) and the processor architecture.
 * Covers Windows 10, 11 and Server 2016 to 2025; anything else falls back to the product name.
 */
public final class WindowsProductNames {

    private WindowsProductNames() {
    }

    public static String catalogProduct(String productName, int build, String displayVersion, String installationType,
                                        String processorArchitecture) {
        String architecture = switch (processorArchitecture.toUpperCase(Locale.ROOT)) {
            case "AMD64", "X64" -> "x64-based Systems";
            case "ARM64" -> "ARM64-based Systems";
            default -> "32-bit Systems";
        };
        boolean server = installationType.toLowerCase(Locale.ROOT).startsWith("server")
            || productName.toLowerCase(Locale.ROOT).contains("server");
        if (server) {
            if (build >= 26100) {
                return "Windows Server 2025";
            }
            if (build >= 20348) {
                return "Windows Server 2022";
            }
            if (build >= 17763) {
                return "Windows Server 2019";
            }
            if (build >= 14393) {
                return "Windows Server 2016";
            }
            return productName;
        }
        if (build >= 22000) {
            return build == 22000 ? "Windows 11 version 21H2 for " + architecture
                : "Windows 11 Version " + displayVersion + " for " + architecture;
        }
        if (build >= 10000) {
            return build == 10240 ? "Windows 10 for " + architecture
                : "Windows 10 Version " + displayVersion + " for " + architecture;
        }
        return productName;
    }
}

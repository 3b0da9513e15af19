package org.patchlake.core.inventory;

import java.util.Locale;
import java.util.Optional;

/**
 * The catalog's name of the operating system product (wesng AffectedProduct spelling) for an OS identity:
 * family from the NT version and whether the name says "Server", release from the build (NT 10.0), then
 * architecture and service pack the way each family's product names put them.
 */
final class OsProductNames {
    private OsProductNames() {
    }

    /** The canonical product name, or a reason why there is none. */
    static Result name(InventoryOs os) {
        String name = os.name().toLowerCase(Locale.ROOT);
        boolean server = name.contains("server");
        int sp = os.servicePack();
        Architecture arch = os.architecture();
        String kernel = os.kernelVersion();
        switch (kernel) {
            case "5.1":
                return Result.of("Microsoft Windows XP" + servicePack(sp));
            case "5.2":
                if (name.contains("xp")) {
                    return Result.of("Microsoft Windows XP Professional x64 Edition" + servicePack(sp));
                }
                return Result.of(switch (arch) {
                    case X64 -> "Microsoft Windows Server 2003 x64 Edition";
                    case IA64 -> "Microsoft Windows Server 2003 for Itanium-based Systems";
                    default -> "Microsoft Windows Server 2003";
                } + servicePack(sp));
            case "6.0":
                if (server) {
                    // Server 2008 was released as SP1 (build 6001): its products name only Service Pack 2.
                    return Result.of("Windows Server 2008 for " + systems(arch) + (sp >= 2 ? " Service Pack " + sp : ""));
                }
                return Result.of((arch == Architecture.X64 ? "Windows Vista x64 Edition" : "Windows Vista") + servicePack(sp));
            case "6.1":
                return Result.of((server ? "Windows Server 2008 R2 for " : "Windows 7 for ") + systems(arch) + servicePack(sp));
            case "6.2":
                return Result.of(server ? "Windows Server 2012"
                        : arch == Architecture.ARM64 ? "Windows RT" : "Windows 8 for " + systems(arch));
            case "6.3":
                return Result.of(server ? "Windows Server 2012 R2"
                        : arch == Architecture.ARM64 ? "Windows RT 8.1" : "Windows 8.1 for " + systems(arch));
            case "10.0":
                return nt10(os, server, name);
            default:
                return Result.none("NT version " + os.version() + " is not a Windows release the catalog covers");
        }
    }

    private static Result nt10(InventoryOs os, boolean server, String name) {
        int build = os.build();
        if (server) {
            String ltsc = WindowsReleases.SERVER_LTSC.get(build);
            if (ltsc != null) {
                return Result.of(ltsc);
            }
            String semiAnnual = WindowsReleases.SERVER_SEMI_ANNUAL.get(build);
            if (semiAnnual != null) {
                return Result.of("Windows Server, version " + semiAnnual + " (Server Core installation)");
            }
            return Result.none("Windows Server build " + build + " is not a known release");
        }
        if (build >= 22000 || name.contains("windows 11")) {
            return WindowsReleases.windows11Version(build)
                    .map(version -> Result.of("Windows 11 Version " + version + " for " + systems(os.architecture())))
                    .orElseGet(() -> Result.none("Windows 11 build " + build + " is not a known release"));
        }
        Optional<String> version = WindowsReleases.windows10Version(build);
        if (version.isEmpty()) {
            return Result.none("Windows 10 build " + build + " is not a known release");
        }
        String release = version.get().equals("1507") ? "" : " Version " + version.get();
        return Result.of("Windows 10" + release + " for " + systems(os.architecture()));
    }

    private static String systems(Architecture arch) {
        return switch (arch) {
            case X86 -> "32-bit Systems";
            case X64 -> "x64-based Systems";
            case ARM64 -> "ARM64-based Systems";
            case IA64 -> "Itanium-Based Systems";
        };
    }

    private static String servicePack(int sp) {
        return sp > 0 ? " Service Pack " + sp : "";
    }

    /** A product name, or why there is none. */
    record Result(String product, String reason) {
        static Result of(String product) {
            return new Result(product, "");
        }

        static Result none(String reason) {
            return new Result(null, reason);
        }

        Optional<String> value() {
            return Optional.ofNullable(product);
        }
    }
}

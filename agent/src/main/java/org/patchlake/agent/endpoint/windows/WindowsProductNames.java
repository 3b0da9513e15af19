package org.patchlake.agent.endpoint.windows;

import java.util.Locale;
import org.patchlake.core.inventory.Architecture;
import org.patchlake.core.inventory.InventoryOs;
import org.patchlake.core.inventory.ProductIdentifier;

/**
 * The catalog's AffectedProduct name for the running OS, from the OS caption ({@link WindowsOsNames}), the NT version
 * numbers, CurrentBuildNumber, CSDVersion, the processor architecture and the InstallationType. The naming rules are
 * core's, the same ones the server applies to systeminfo captures; a Server Core installation gets the catalog's
 * separate {@code (Server Core installation)} product. Anything the rules do not know falls back to the caption.
 */
public final class WindowsProductNames {

    private static final String SERVER_CORE = " (Server Core installation)";

    private WindowsProductNames() {
    }

    public static String catalogProduct(String caption, String ntVersion, int build, String servicePack,
                                        String processorArchitecture, String installationType) {
        Architecture architecture = Architecture.fromSystemType(processorArchitecture.toLowerCase(Locale.ROOT)
            .replace("amd64", "x64")).orElse(Architecture.X64);
        InventoryOs identity = new InventoryOs(caption, ntVersion + "." + build, build, servicePackNumber(servicePack), architecture);
        String product = ProductIdentifier.osProductName(identity).orElse(caption);
        boolean serverCore = installationType != null && installationType.strip().equalsIgnoreCase("Server Core");
        if (serverCore && product.contains("Server") && !product.toLowerCase(Locale.ROOT).contains("server core")) {
            return product + SERVER_CORE;
        }
        return product;
    }

    /** CSDVersion: "Service Pack 1" -> 1; empty or anything else -> 0. */
    static int servicePackNumber(String csdVersion) {
        String digits = csdVersion.replaceAll("\\D", "");
        return digits.isEmpty() || digits.length() > 2 ? 0 : Integer.parseInt(digits);
    }
}

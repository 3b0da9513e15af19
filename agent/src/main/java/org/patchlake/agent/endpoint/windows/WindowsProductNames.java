package org.patchlake.agent.endpoint.windows;

import java.util.Locale;
import org.patchlake.core.inventory.Architecture;
import org.patchlake.core.inventory.OsIdentity;
import org.patchlake.core.inventory.ProductIdentifier;

/**
 * The catalog's AffectedProduct name for the running OS, from what the registry says (ProductName, the NT version
 * numbers, CurrentBuildNumber, CSDVersion) and the processor architecture. The naming rules are core's, the same ones the
 * server applies to systeminfo captures; anything they do not know falls back to the registry's product name.
 */
public final class WindowsProductNames {

    private WindowsProductNames() {
    }

    public static String catalogProduct(String productName, String ntVersion, int build, String servicePack,
                                        String processorArchitecture) {
        Architecture architecture = Architecture.fromSystemType(processorArchitecture.toLowerCase(Locale.ROOT)
            .replace("amd64", "x64")).orElse(Architecture.X64);
        OsIdentity identity = new OsIdentity(productName, ntVersion + "." + build, build, servicePackNumber(servicePack), architecture);
        return ProductIdentifier.osProductName(identity).orElse(productName);
    }

    /** CSDVersion: "Service Pack 1" -> 1; empty or anything else -> 0. */
    static int servicePackNumber(String csdVersion) {
        String digits = csdVersion.replaceAll("\\D", "");
        return digits.isEmpty() || digits.length() > 2 ? 0 : Integer.parseInt(digits);
    }
}

package org.patchlake.agent.endpoint.windows;

import java.util.Locale;
import java.util.Map;

/**
 * The OS caption ({@code Microsoft Windows 11 Pro}) from what the registry holds. {@code ProductName} still says
 * "Windows 10" on Windows 11, so a client on NT 10.0 is named from its build (22000 and later is Windows 11) and
 * its {@code EditionID}; servers and older releases keep their ProductName, which is right for them.
 */
public final class WindowsOsNames {

    /** EditionID → the edition as Windows shows it. */
    private static final Map<String, String> CLIENT_EDITIONS = Map.ofEntries(
        Map.entry("core", "Home"), Map.entry("coren", "Home N"), Map.entry("coresinglelanguage", "Home Single Language"),
        Map.entry("corecountryspecific", "Home China"), Map.entry("professional", "Pro"), Map.entry("professionaln", "Pro N"),
        Map.entry("professionaleducation", "Pro Education"), Map.entry("professionaleducationn", "Pro Education N"),
        Map.entry("professionalworkstation", "Pro for Workstations"),
        Map.entry("professionalworkstationn", "Pro N for Workstations"), Map.entry("enterprise", "Enterprise"),
        Map.entry("enterprisen", "Enterprise N"), Map.entry("enterprises", "Enterprise LTSC"),
        Map.entry("enterprisesn", "Enterprise N LTSC"), Map.entry("education", "Education"),
        Map.entry("educationn", "Education N"), Map.entry("iotenterprise", "IoT Enterprise"),
        Map.entry("iotenterprises", "IoT Enterprise LTSC"), Map.entry("serverrdsh", "Enterprise multi-session"),
        Map.entry("cloudedition", "SE"));

    private WindowsOsNames() {
    }

    public static String caption(String productName, String editionId, String ntVersion, int build, String installationType) {
        String product = productName == null || productName.isBlank() ? "Windows" : productName.strip();
        boolean server = product.toLowerCase(Locale.ROOT).contains("server")
            || (installationType != null && installationType.toLowerCase(Locale.ROOT).contains("server"));
        if (server || !ntVersion.startsWith("10.")) {
            return product.startsWith("Microsoft ") ? product : "Microsoft " + product;
        }
        String family = build >= 22000 ? "Windows 11" : "Windows 10";
        String edition = editionId == null ? null : CLIENT_EDITIONS.get(editionId.strip().toLowerCase(Locale.ROOT));
        if (edition == null) {
            edition = product.replaceFirst("^(Microsoft )?Windows 1[01]\\s*", "").strip();
        }
        return ("Microsoft " + family + " " + edition).strip();
    }
}

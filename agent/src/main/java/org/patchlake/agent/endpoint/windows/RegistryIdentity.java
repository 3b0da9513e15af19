package org.patchlake.agent.endpoint.windows;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.patchlake.agent.endpoint.ComputerIdentity;

/**
 * Who the running Windows computer is, from what its registry says: ProductName, the NT version numbers, CurrentBuildNumber
 * and UBR (the full build {@code 10.0.19045.3930}), DisplayVersion (or ReleaseId), CSDVersion, the processor architecture
 * and the MachineGuid. Plain logic over a {@link RegistryReader}, so it is tested on any OS; the simulated endpoint's
 * identities are checked against it.
 */
public final class RegistryIdentity {
    static final RegistryPath CURRENT_VERSION = RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion");
    static final RegistryPath CRYPTOGRAPHY = RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\Cryptography");
    static final RegistryPath ENVIRONMENT =
        RegistryPath.parse("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment");

    private RegistryIdentity() {
    }

    /**
     * @param computerName the NetBIOS name (GetComputerName)
     * @param environment  the process environment (USERDNSDOMAIN, USERDOMAIN)
     */
    public static ComputerIdentity read(RegistryReader registry, String computerName, Map<String, String> environment) {
        requireNonNull(registry, "registry is null");
        requireNonNull(computerName, "computerName is null");
        requireNonNull(environment, "environment is null");
        String productName = text(registry, CURRENT_VERSION, "ProductName").orElse("Windows");
        String buildNumber = text(registry, CURRENT_VERSION, "CurrentBuildNumber").orElse("0");
        String displayVersion = text(registry, CURRENT_VERSION, "DisplayVersion")
            .or(() -> text(registry, CURRENT_VERSION, "ReleaseId")).orElse("");
        String servicePack = text(registry, CURRENT_VERSION, "CSDVersion").orElse("");
        String architecture = text(registry, ENVIRONMENT, "PROCESSOR_ARCHITECTURE").orElse("AMD64");
        // CurrentMajor/MinorVersionNumber exist from Windows 10 on; older releases only say CurrentVersion ("6.1").
        String[] legacy = text(registry, CURRENT_VERSION, "CurrentVersion").orElse("10.0").split("\\.");
        String major = text(registry, CURRENT_VERSION, "CurrentMajorVersionNumber").orElse(legacy[0]);
        String minor = text(registry, CURRENT_VERSION, "CurrentMinorVersionNumber").orElse(legacy.length > 1 ? legacy[1] : "0");
        String revision = text(registry, CURRENT_VERSION, "UBR").orElse("0");
        int build = Integer.parseInt(buildNumber.trim());
        String hardwareId = text(registry, CRYPTOGRAPHY, "MachineGuid").orElse(computerName);
        return new ComputerIdentity(computerName, environment.getOrDefault("USERDNSDOMAIN",
            environment.getOrDefault("USERDOMAIN", "WORKGROUP")), hardwareId,
            WindowsProductNames.catalogProduct(productName, major + "." + minor, build, servicePack, architecture),
            productName, displayVersion, major + "." + minor + "." + build + "." + revision,
            architecture.toLowerCase(Locale.ROOT).equals("amd64") ? "x64" : architecture.toLowerCase(Locale.ROOT));
    }

    private static Optional<String> text(RegistryReader registry, RegistryPath key, String name) {
        return registry.value(key, name).map(RegistryValues::asText);
    }
}

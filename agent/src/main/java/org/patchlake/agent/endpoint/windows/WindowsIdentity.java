package org.patchlake.agent.endpoint.windows;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.patchlake.agent.endpoint.ComputerIdentity;
import org.patchlake.core.rules.FactUnavailableException;

/**
 * Who the computer is, from {@code HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion} (ProductName, EditionID,
 * InstallationType, build numbers, UBR, DisplayVersion, CSDVersion), the machine-wide PROCESSOR_ARCHITECTURE, the
 * MachineGuid (read in the 64-bit view, so it is the machine's and not WOW6432Node's) and the DNS names. Plain Java
 * over {@link RegistryReader} and {@link ComputerNames}.
 */
public final class WindowsIdentity {

    static final RegistryPath CURRENT_VERSION = RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion");
    static final RegistryPath CRYPTOGRAPHY = RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\Cryptography");
    static final RegistryPath ENVIRONMENT =
        RegistryPath.parse("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment");

    private final RegistryReader registry;
    private final ComputerNames names;

    public WindowsIdentity(RegistryReader registry, ComputerNames names) {
        this.registry = requireNonNull(registry, "registry is null");
        this.names = requireNonNull(names, "names is null");
    }

    public ComputerIdentity read() {
        String productName = text(CURRENT_VERSION, "ProductName", "Windows");
        String buildNumber = text(CURRENT_VERSION, "CurrentBuildNumber", "0");
        int build;
        try {
            build = Integer.parseInt(buildNumber.strip());
        } catch (NumberFormatException e) {
            throw new FactUnavailableException("registry value " + CURRENT_VERSION + " CurrentBuildNumber is not a number: '"
                + buildNumber + "'", e);
        }
        String displayVersion = text(CURRENT_VERSION, "DisplayVersion", text(CURRENT_VERSION, "ReleaseId", ""));
        String servicePack = text(CURRENT_VERSION, "CSDVersion", "");
        String installationType = text(CURRENT_VERSION, "InstallationType", "");
        String architecture = text(ENVIRONMENT, "PROCESSOR_ARCHITECTURE", "AMD64");
        // CurrentMajor/MinorVersionNumber exist from Windows 10 on; older releases only say CurrentVersion ("6.1").
        String[] legacy = text(CURRENT_VERSION, "CurrentVersion", "10.0").split("\\.");
        String major = text(CURRENT_VERSION, "CurrentMajorVersionNumber", legacy[0]);
        String minor = text(CURRENT_VERSION, "CurrentMinorVersionNumber", legacy.length > 1 ? legacy[1] : "0");
        String revision = text(CURRENT_VERSION, "UBR", "0");
        String ntVersion = major + "." + minor;
        String caption = WindowsOsNames.caption(productName, text(CURRENT_VERSION, "EditionID", ""), ntVersion, build,
            installationType);
        String hostname = names.hostname();
        String domain = names.dnsDomain();
        return new ComputerIdentity(hostname, domain == null || domain.isBlank() ? "WORKGROUP" : domain,
            text(CRYPTOGRAPHY, "MachineGuid", hostname),
            WindowsProductNames.catalogProduct(caption, ntVersion, build, servicePack, architecture, installationType),
            caption, displayVersion, ntVersion + "." + build + "." + revision, architecture(architecture), servicePack);
    }

    private static String architecture(String processorArchitecture) {
        String lower = processorArchitecture.strip().toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "amd64" -> "x64";
            case "arm64" -> "arm64";
            case "x86" -> "x86";
            default -> lower;
        };
    }

    private String text(RegistryPath key, String name, String otherwise) {
        return registry.text(key, name).map(String::strip).filter(value -> !value.isEmpty()).orElse(otherwise);
    }
}

package org.patchlake.core.inventory;

import static java.util.Objects.requireNonNull;

/**
 * What a systeminfo says about the operating system.
 *
 * @param name         OS name as written, trimmed ("Microsoft Windows 10 Enterprise", "Microsoftr Windows Serverr 2008 Standard")
 * @param version      "10.0.17134", "6.1.7601"
 * @param build        17134, 7601
 * @param servicePack  0 when none
 * @param architecture from the system type line
 */
public record InventoryOs(String name, String version, int build, int servicePack, Architecture architecture) {
    public InventoryOs {
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        requireNonNull(architecture, "architecture is null");
        if (build < 0 || servicePack < 0) {
            throw new IllegalArgumentException("negative build or service pack for '" + name + "'");
        }
    }

    /** Major.minor: "10.0", "6.1", "5.2". */
    public String kernelVersion() {
        int second = version.indexOf('.', version.indexOf('.') + 1);
        return second < 0 ? version : version.substring(0, second);
    }
}

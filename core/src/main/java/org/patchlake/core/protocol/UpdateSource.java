package org.patchlake.core.protocol;

/** Where the agent found an installed update. */
public enum UpdateSource {
    /** Win32_QuickFixEngineering (wmic qfe). */
    QFE,
    /** Windows Update Agent history. */
    WINDOWS_UPDATE,
    /** Component-based servicing package store. */
    CBS,
    /** Installed programs (MSI / uninstall registry), for non-OS products. */
    INSTALLED_PROGRAMS,
    /** systeminfo output. */
    SYSTEMINFO,
    OTHER
}

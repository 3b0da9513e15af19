package org.patchlake.agent.endpoint.windows;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.patchlake.agent.endpoint.PendingReboot;
import org.patchlake.core.protocol.RebootSource;

/**
 * The three signals Windows leaves when a restart is pending: the Component Based Servicing
 * {@code RebootPending} key, the Windows Update {@code RebootRequired} key, and a non-empty
 * {@code PendingFileRenameOperations} value (files to replace at boot).
 */
public final class PendingRebootDetector {

    static final RegistryPath CBS_REBOOT_PENDING = RegistryPath.parse(
        "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending");
    static final RegistryPath WU_REBOOT_REQUIRED = RegistryPath.parse(
        "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired");
    static final RegistryPath SESSION_MANAGER = RegistryPath.parse(
        "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager");
    static final String PENDING_FILE_RENAMES = "PendingFileRenameOperations";

    private final RegistryReader registry;

    public PendingRebootDetector(RegistryReader registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    public PendingReboot detect() {
        List<RebootSource> reasons = new ArrayList<>();
        if (registry.keyExists(CBS_REBOOT_PENDING)) {
            reasons.add(RebootSource.CBS_REBOOT_PENDING);
        }
        if (registry.keyExists(WU_REBOOT_REQUIRED)) {
            reasons.add(RebootSource.WU_REBOOT_REQUIRED);
        }
        if (registry.value(SESSION_MANAGER, PENDING_FILE_RENAMES).filter(RegistryValues::isNonEmpty).isPresent()) {
            reasons.add(RebootSource.PENDING_FILE_RENAME_OPERATIONS);
        }
        return new PendingReboot(!reasons.isEmpty(), reasons);
    }
}

package org.patchlake.core.protocol;

/** The registry signal that says a restart is pending. */
public enum RebootSource {
    /** HKLM\...\Component Based Servicing\RebootPending */
    CBS_REBOOT_PENDING,
    /** HKLM\...\WindowsUpdate\Auto Update\RebootRequired */
    WU_REBOOT_REQUIRED,
    /** HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\PendingFileRenameOperations */
    PENDING_FILE_RENAME_OPERATIONS
}

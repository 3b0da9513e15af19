package org.patchlake.core.protocol;

/** What the Windows Update Agent searched against when it listed the updates a computer is missing. */
public enum WindowsUpdateSearchSource {
    /** Microsoft Update / Windows Update or the WSUS server the machine is configured for. */
    ONLINE,
    /** An offline scan file ({@code wsusscn2.cab}) named by the policy. */
    OFFLINE_SCAN_FILE
}

package org.patchlake.agent.endpoint.windows;

/** One Win32_QuickFixEngineering instance as WMI returns it: HotFixID and InstalledOn as raw strings (either may be null). */
public record QuickFixRow(String hotFixId, String installedOn) {
}

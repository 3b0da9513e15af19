package org.patchlake.core.inventory;

/** Which Windows command wrote an inventory file. Detected from the content, never from the file name. */
public enum InventoryFormat {
    /** {@code systeminfo} output: OS identity and the hotfix list. */
    SYSTEMINFO,
    /** {@code wmic qfe list} output: one row per hotfix with its install date. */
    QFE,
    /**
     * "KBnnn: title" lines as written by wesng's validation script ({@code _listupdates.vbs}): the updates the
     * Windows Update Agent offers as NOT installed ({@code IsInstalled=0}).
     */
    UPDATE_LIST
}

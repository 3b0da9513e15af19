package org.patchlake.core.protocol;

/**
 * One software update the Windows Update Agent says is applicable and not installed
 * ({@code IUpdateSearcher.Search("IsInstalled=0 and Type='Software'")}).
 *
 * @param kb             {@code KB5034441} when the update names a KB article, else null (drivers, some definitions)
 * @param title          the update's title as Windows Update shows it (required)
 * @param updateId       the update's identity ({@code IUpdate.Identity.UpdateID}), or null
 * @param classification the update classification category, e.g. {@code Security Updates}, {@code Critical Updates},
 *                       {@code Update Rollups}, {@code Definition Updates}, or null when not reported
 * @param msrcSeverity   {@code IUpdate.MsrcSeverity} (Critical, Important, Moderate, Low), or null
 */
public record MissingUpdate(String kb, String title, String updateId, String classification, String msrcSeverity) {
    public MissingUpdate {
        if (kb != null) {
            kb = Checks.kb(kb, "kb");
        }
        title = Checks.text(title, "title");
        updateId = Checks.optionalText(updateId, "updateId");
        classification = Checks.optionalText(classification, "classification");
        msrcSeverity = Checks.optionalText(msrcSeverity, "msrcSeverity");
    }

    /**
     * True when Windows Update classifies it as a security update. (Not named as a bean getter: JSON mappers would
     * write it as a field, which protocol v1 does not have, and ingest would refuse the inventory.)
     */
    public boolean securityUpdate() {
        return "Security Updates".equalsIgnoreCase(classification);
    }
}

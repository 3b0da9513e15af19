package org.patchlake.etl.evaluate;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.inventory.ListedUpdate;
import org.patchlake.core.state.InstallPlan;

/**
 * Patchlake's install plan beside the machine's Windows Update list (the updates the Windows Update Agent offered
 * as not installed). Windows Update's security updates for the evaluated products are the listed KBs the catalog
 * (Microsoft's security data, whole, not cut to an as-of day) has for one of the machine's products, plus listed
 * KBs the catalog does not know whose title says they are security updates. Definition updates, language packs,
 * previews and updates of products Patchlake did not evaluate (Office, Silverlight) are not among them.
 *
 * @param listed           every KB the list names
 * @param windowsUpdate    Windows Update's security updates for the evaluated products
 * @param patchlake        the KBs Patchlake's plan installs
 */
public record WindowsUpdateCheck(SortedSet<String> listed, SortedSet<String> windowsUpdate, SortedSet<String> patchlake) {
    private static final List<String> SECURITY_TITLES = List.of("security update", "security monthly quality rollup",
            "security and quality rollup", "security only", "cumulative security update");

    public WindowsUpdateCheck {
        listed = new TreeSet<>(listed);
        windowsUpdate = new TreeSet<>(windowsUpdate);
        patchlake = new TreeSet<>(patchlake);
    }

    /** The check of one machine; null when it has no Windows Update list. */
    static WindowsUpdateCheck of(List<ListedUpdate> listedUpdates, Catalog catalog, Set<String> products, InstallPlan plan) {
        if (listedUpdates.isEmpty()) {
            return null;
        }
        SortedSet<String> listed = new TreeSet<>();
        SortedSet<String> security = new TreeSet<>();
        for (ListedUpdate update : listedUpdates) {
            for (String kb : update.kbs()) {
                listed.add(kb);
                boolean known = !catalog.updatesForKb(kb).isEmpty();
                boolean forProducts = catalog.updatesForKb(kb).stream().anyMatch(row -> products.contains(row.product()));
                if (forProducts || !known && isSecurityTitle(update.title())) {
                    security.add(kb);
                }
            }
        }
        return new WindowsUpdateCheck(listed, security, new TreeSet<>(plan.kbs()));
    }

    static boolean isSecurityTitle(String title) {
        String lower = title.toLowerCase(Locale.ROOT);
        return SECURITY_TITLES.stream().anyMatch(lower::contains);
    }

    /** KBs in both. */
    public SortedSet<String> agreed() {
        SortedSet<String> both = new TreeSet<>(windowsUpdate);
        both.retainAll(patchlake);
        return both;
    }

    /** KBs in either. */
    public SortedSet<String> union() {
        SortedSet<String> union = new TreeSet<>(windowsUpdate);
        union.addAll(patchlake);
        return union;
    }

    /** Windows Update's security updates Patchlake's plan does not install. */
    public SortedSet<String> onlyWindowsUpdate() {
        SortedSet<String> only = new TreeSet<>(windowsUpdate);
        only.removeAll(patchlake);
        return only;
    }

    /** Planned KBs Windows Update did not list. */
    public SortedSet<String> onlyPatchlake() {
        SortedSet<String> only = new TreeSet<>(patchlake);
        only.removeAll(windowsUpdate);
        return only;
    }

    /** agreed / union in percent; empty when both are empty (nothing to install, and Windows Update agrees). */
    public OptionalDouble agreementPercent() {
        int union = union().size();
        return union == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * agreed().size() / union);
    }

    /** "Windows Update listed 37 KBs; its 4 security updates for these products and Patchlake's 2 planned agree on 2 of 4 (50.0%)". */
    public String summary() {
        OptionalDouble percent = agreementPercent();
        return "Windows Update listed " + listed.size() + " KBs as not installed; its security updates for these products "
                + windowsUpdate + ", Patchlake's plan " + patchlake + ": " + agreed().size() + " of " + union().size()
                + " agree" + (percent.isPresent() ? String.format(Locale.ROOT, " (%.1f%%)", percent.getAsDouble()) : " (nothing to install on either side)");
    }
}

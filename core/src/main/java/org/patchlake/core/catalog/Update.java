package org.patchlake.core.catalog;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * One installable item of a bulletin for one product (KB x AffectedProduct).
 *
 * @param kb               "KB5034441"
 * @param bulletinId       the bulletin it belongs to (the KB itself in the MSRC era)
 * @param product          AffectedProduct exactly as the catalog spells it
 * @param component        AffectedComponent, may be ""
 * @param severity         highest vendor severity over the update's CVE rows; UNRATED when none was usable
 * @param impact           impact of the most severe row ("Remote Code Execution"), may be ""
 * @param released         release date (earliest DatePosted of its rows)
 * @param exploited        a published exploit exists for one of its CVEs
 * @param restartBehaviour whether installing restarts the computer
 * @param supersedes       KBs this update directly supersedes for this product
 * @param cves             CVE ids it fixes, sorted, may be empty
 */
public record Update(
        String kb,
        String bulletinId,
        String product,
        String component,
        Severity severity,
        String impact,
        LocalDate released,
        boolean exploited,
        RestartBehaviour restartBehaviour,
        List<String> supersedes,
        List<String> cves) {

    public Update {
        requireNonNull(kb, "kb is null");
        requireNonNull(bulletinId, "bulletinId is null");
        requireNonNull(product, "product is null");
        requireNonNull(component, "component is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(impact, "impact is null");
        requireNonNull(released, "released is null");
        requireNonNull(restartBehaviour, "restartBehaviour is null");
        supersedes = List.copyOf(supersedes);
        cves = List.copyOf(cves);
        if (kb.isBlank()) {
            throw new IllegalArgumentException("kb is blank (product '" + product + "')");
        }
        if (product.isBlank()) {
            throw new IllegalArgumentException("product is blank (kb " + kb + ")");
        }
    }

    /** The warehouse key: "KB5034441|Windows 10 Version 22H2 for x64-based Systems". */
    public String updateId() {
        return updateId(kb, product);
    }

    public static String updateId(String kb, String product) {
        return kb + "|" + product;
    }
}

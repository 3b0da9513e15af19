package org.patchlake.core.catalog;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A vendor's release of one or more updates: "MS08-067" in the bulletin era, the KB ("KB5034441") in the
 * MSRC era (wesng data: always the KB).
 *
 * @param bulletinId     "KB5034441" or "MS08-067"
 * @param title          vendor title, may be ""
 * @param vendorSeverity highest severity over its updates
 * @param impact         impact of its most severe update, may be ""
 * @param released       earliest release date of its updates
 * @param revised        last revision date, null when never revised (or unknown)
 * @param cveCount       distinct CVEs over its updates
 * @param exploited      any of its updates is exploited
 * @param superseded     for every product it has an update for, some other update supersedes it
 * @param updateCount    number of updates (KB x product)
 */
public record Bulletin(
        String bulletinId,
        String title,
        Severity vendorSeverity,
        String impact,
        LocalDate released,
        LocalDate revised,
        int cveCount,
        boolean exploited,
        boolean superseded,
        int updateCount) {

    public Bulletin {
        requireNonNull(bulletinId, "bulletinId is null");
        requireNonNull(title, "title is null");
        requireNonNull(vendorSeverity, "vendorSeverity is null");
        requireNonNull(impact, "impact is null");
        requireNonNull(released, "released is null");
        if (cveCount < 0 || updateCount < 0) {
            throw new IllegalArgumentException("bulletin " + bulletinId + ": negative count");
        }
    }
}

package org.patchlake.web.layout;

import org.patchlake.web.report.SnapshotInfo;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the page shell shows around a page's body: title, navigation for the viewer's permissions, who is signed in
 * and, for pages computed from the warehouse, when the data was refreshed (times already in the viewer's zone).
 */
public record PageFrame(String title, String csrfToken, List<Link> navigation, String userName, String roles, String scope,
                        boolean fromWarehouse, Optional<Refreshed> refreshed) {
    public PageFrame {
        requireNonNull(title, "title is null");
        requireNonNull(csrfToken, "csrfToken is null");
        navigation = List.copyOf(navigation);
        requireNonNull(refreshed, "refreshed is null");
    }

    public record Link(String href, String label) {
    }

    /** The snapshot a page was computed from, its times formatted for the viewer. */
    public record Refreshed(String publishedAt, String dataAsOf, String snapshotId) {
        static Refreshed of(SnapshotInfo snapshot, java.time.ZoneId zone) {
            return new Refreshed(Formats.time(snapshot.publishedAt(), zone), Formats.time(snapshot.dataAsOf(), zone), snapshot.id());
        }
    }
}

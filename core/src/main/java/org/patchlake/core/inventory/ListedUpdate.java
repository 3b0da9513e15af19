package org.patchlake.core.inventory;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One line of an update list ("KB4487017: 2019-02 Cumulative Update for Windows 10 Version 1803 ...").
 *
 * @param kbs   the KB ids before the colon (one or more)
 * @param title the update title
 */
public record ListedUpdate(List<String> kbs, String title) {
    public ListedUpdate {
        kbs = List.copyOf(kbs);
        requireNonNull(title, "title is null");
    }
}

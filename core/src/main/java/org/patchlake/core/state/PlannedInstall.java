package org.patchlake.core.state;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import org.patchlake.core.catalog.Update;

/**
 * One update to install, and the required updates installing it fixes (itself among them when it is required).
 *
 * @param kb       the KB to install ("KB4486563")
 * @param released its release date
 * @param products the computer's products it is listed for, sorted
 * @param covers   the updates to remediate that it fixes (itself, or by superseding or covering them), in the
 *                 order they were given
 */
public record PlannedInstall(String kb, LocalDate released, List<String> products, List<Update> covers) {
    public PlannedInstall {
        requireNonNull(kb, "kb is null");
        requireNonNull(released, "released is null");
        products = List.copyOf(products);
        covers = List.copyOf(covers);
        if (covers.isEmpty()) {
            throw new IllegalArgumentException("planned install " + kb + " fixes nothing");
        }
    }
}

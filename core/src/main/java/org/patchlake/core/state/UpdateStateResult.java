package org.patchlake.core.state;

import static java.util.Objects.requireNonNull;

import org.patchlake.core.catalog.Update;

/**
 * The state of one applicable update on one computer.
 *
 * @param update         the catalog update (KB x product)
 * @param state          its state
 * @param installedViaKb the superseding KB that makes it count as installed; null when the KB itself is
 *                       installed or it is not installed
 * @param failedAttempts failed install attempts of its KB so far
 */
public record UpdateStateResult(Update update, UpdateState state, String installedViaKb, int failedAttempts) {
    public UpdateStateResult {
        requireNonNull(update, "update is null");
        requireNonNull(state, "state is null");
    }
}

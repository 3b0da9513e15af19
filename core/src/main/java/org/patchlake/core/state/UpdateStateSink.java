package org.patchlake.core.state;

import org.patchlake.core.catalog.Update;

/** Receives derived states one by one, so callers that write rows (the ETL) allocate nothing per update. */
@FunctionalInterface
public interface UpdateStateSink {
    /**
     * @param installedViaKb the superseding KB that makes the update count as installed, else null
     */
    void accept(Update update, UpdateState state, String installedViaKb, int failedAttempts);
}

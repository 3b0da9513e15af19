package org.patchlake.ingest.policy;

import java.time.Instant;
import org.patchlake.core.protocol.AgentSettings;
import org.patchlake.core.protocol.PolicySet;

/**
 * Where {@code GET /api/agent/v1/policies} gets its answer. The web module implements it over its operational
 * store (remediation policies targeting the computer); standalone ingest uses {@link #none()}.
 */
@FunctionalInterface
public interface PolicySource {
    /**
     * The policies the computer must follow now.
     *
     * @param computerId an authenticated, enrolled, unrevoked computer
     * @param now        server time of the request
     * @param settings   the agent settings ingest is configured with (an implementation may override them)
     */
    PolicySet policiesFor(String computerId, Instant now, AgentSettings settings);

    /** No policies: an empty, well-formed set with the configured settings. */
    static PolicySource none() {
        return PolicySet::empty;
    }
}

package org.patchlake.web.remediation;

import org.patchlake.core.protocol.AgentSettings;
import org.patchlake.core.protocol.PolicySet;
import org.patchlake.ingest.policy.PolicySource;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * The policy source ingest is opened with before the web server (and its operational store) exists: empty
 * policy sets until {@link #set} hands it the real one.
 */
public final class DeferredPolicySource implements PolicySource {
    private volatile PolicySource delegate = PolicySource.none();

    public void set(PolicySource source) {
        this.delegate = requireNonNull(source, "source is null");
    }

    @Override
    public PolicySet policiesFor(String computerId, Instant now, AgentSettings settings) {
        return delegate.policiesFor(computerId, now, settings);
    }
}

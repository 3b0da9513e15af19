package org.patchlake.core.protocol;

import java.time.Instant;

/**
 * Answer to an enrollment.
 *
 * @param computerId  the computer's id, stable per hardware id
 * @param agentSecret the agent's credential, the HMAC key of {@link AgentSignature}; keep it secret
 * @param serverTime  the server's clock, so the agent can warn about skew
 * @param settings    agent settings
 */
public record EnrollResponse(String computerId, String agentSecret, Instant serverTime, AgentSettings settings) {
    public EnrollResponse {
        computerId = Checks.identifier(computerId, "computerId");
        agentSecret = Checks.text(agentSecret, "agentSecret");
        Checks.required(serverTime, "serverTime");
        Checks.required(settings, "settings");
    }

    @Override
    public String toString() {
        return "EnrollResponse[computerId=" + computerId + ", agentSecret=<hidden>, serverTime=" + serverTime + "]";
    }
}

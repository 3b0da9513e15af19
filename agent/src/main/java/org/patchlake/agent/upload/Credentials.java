package org.patchlake.agent.upload;

import static java.util.Objects.requireNonNull;

/** What enrollment gave the agent: its computer id and the HMAC secret that signs every request. */
public record Credentials(String computerId, String agentSecret) {
    public Credentials {
        requireNonNull(computerId, "computerId is null");
        requireNonNull(agentSecret, "agentSecret is null");
    }

    @Override
    public String toString() {
        return "Credentials[computerId=" + computerId + ", agentSecret=<hidden>]";
    }
}

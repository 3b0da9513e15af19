package org.patchlake.ingest.registry;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * One line of the registry log ({@code DATA/ingest/registry.jsonl}), replayed at start. Only what is needed
 * is stored: token hashes (never tokens), and no agent secrets (they are derived from the node key).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RegistryEvent.TokenCreated.class, name = "token_created"),
        @JsonSubTypes.Type(value = RegistryEvent.TokenRevoked.class, name = "token_revoked"),
        @JsonSubTypes.Type(value = RegistryEvent.ComputerEnrolled.class, name = "computer_enrolled"),
        @JsonSubTypes.Type(value = RegistryEvent.ComputerRevoked.class, name = "computer_revoked"),
        @JsonSubTypes.Type(value = RegistryEvent.ComputerMoved.class, name = "computer_moved")})
public sealed interface RegistryEvent {
    Instant at();

    record TokenCreated(String tokenId, String tokenSha256, String site, String region, Instant expiresAt, Instant at)
            implements RegistryEvent {
    }

    record TokenRevoked(String tokenId, Instant at) implements RegistryEvent {
    }

    record ComputerEnrolled(String computerId, String hardwareId, String hostname, String tokenId, String site,
            String region, int credentialGeneration, Instant at) implements RegistryEvent {
    }

    record ComputerRevoked(String computerId, Instant at) implements RegistryEvent {
    }

    /** An administrator moved the computer to another site (and region); its credentials stay valid. */
    record ComputerMoved(String computerId, String site, String region, String movedBy, Instant at) implements RegistryEvent {
    }
}

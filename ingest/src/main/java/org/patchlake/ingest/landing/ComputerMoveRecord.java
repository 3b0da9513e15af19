package org.patchlake.ingest.landing;

import java.time.Instant;

/**
 * The payload of an {@code enrollment} landing line written when an administrator moved a computer to another site:
 * ETL takes a computer's site and region from its newest enrollment line, so the move reaches the warehouse the way
 * an enrollment does. Fields it does not carry (operating system, class) keep their values.
 */
public record ComputerMoveRecord(
        String computerId,
        String hostname,
        String hardwareId,
        String site,
        String region,
        String previousSite,
        String previousRegion,
        int credentialGeneration,
        String movedBy,
        Instant movedAt) {
}

package org.patchlake.ingest.landing;

import java.time.Instant;
import org.patchlake.core.protocol.ComputerClassHint;
import org.patchlake.core.protocol.OsIdentity;

/**
 * The payload of an {@code enrollment} landing line: the enroll request as sent minus the enrollment token,
 * plus what the server decided (computer id, credential generation) and the site and region of the token.
 */
public record EnrollmentRecord(
        String computerId,
        String hostname,
        String domain,
        OsIdentity os,
        String hardwareId,
        String agentVersion,
        ComputerClassHint computerClassHint,
        Integer managedLevel,
        String site,
        String region,
        String tokenId,
        int credentialGeneration,
        Instant enrolledAt) {
}

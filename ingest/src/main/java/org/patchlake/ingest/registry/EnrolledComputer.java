package org.patchlake.ingest.registry;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * An enrolled computer as ingest knows it.
 *
 * @param credentialGeneration increases with every (re-)enrollment; the agent secret is derived from it, so
 *                             re-enrolling invalidates the previous secret
 * @param revokedAt            null unless revoked
 */
public record EnrolledComputer(String computerId, String hardwareId, String hostname, String tokenId, String site,
        String region, int credentialGeneration, Instant enrolledAt, Instant revokedAt) {
    public EnrolledComputer {
        requireNonNull(computerId, "computerId is null");
        requireNonNull(hardwareId, "hardwareId is null");
        requireNonNull(hostname, "hostname is null");
        requireNonNull(site, "site is null");
        requireNonNull(region, "region is null");
        requireNonNull(enrolledAt, "enrolledAt is null");
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** True when this computer belongs to that site of that region (the only place whose tokens re-enroll it). */
    public boolean belongsTo(String otherSite, String otherRegion) {
        return site.equals(otherSite) && region.equals(otherRegion);
    }

    EnrolledComputer movedTo(String newSite, String newRegion) {
        return new EnrolledComputer(computerId, hardwareId, hostname, tokenId, newSite, newRegion, credentialGeneration, enrolledAt, revokedAt);
    }

    EnrolledComputer withRevokedAt(Instant at) {
        return new EnrolledComputer(computerId, hardwareId, hostname, tokenId, site, region, credentialGeneration, enrolledAt, at);
    }
}

package org.patchlake.ingest.registry;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** An enrollment token as stored: its hash, never the token itself. */
public record EnrollmentToken(String tokenId, String tokenSha256, String site, String region, Instant createdAt,
        Instant expiresAt, Instant revokedAt) {
    public EnrollmentToken {
        requireNonNull(tokenId, "tokenId is null");
        requireNonNull(tokenSha256, "tokenSha256 is null");
        requireNonNull(site, "site is null");
        requireNonNull(region, "region is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    EnrollmentToken revoked(Instant at) {
        return new EnrollmentToken(tokenId, tokenSha256, site, region, createdAt, expiresAt, at);
    }
}

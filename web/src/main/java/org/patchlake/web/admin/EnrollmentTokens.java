package org.patchlake.web.admin;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Enrollment tokens for agents. Ingest owns them (DATA/ingest/); web only administers them through this
 * interface, implemented over ingest's token store when the agent API is wired in.
 */
public interface EnrollmentTokens {
    /** A token enrolls agents into one region and site. */
    record Token(String id, String region, String site, Instant createdAt, Instant expiresAt, boolean revoked) {
        public Token {
            requireNonNull(id, "id is null");
            requireNonNull(region, "region is null");
            requireNonNull(site, "site is null");
            requireNonNull(createdAt, "createdAt is null");
        }
    }

    /** A new token: the secret is shown once and never stored in clear. */
    record CreatedToken(Token token, String secret) {
    }

    boolean available();

    List<Token> list();

    CreatedToken create(String region, String site, Instant expiresAt, String createdBy);

    boolean revoke(String id, String revokedBy);

    /** Used until the ingest token store is wired in: says so instead of pretending. */
    final class Unavailable implements EnrollmentTokens {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public List<Token> list() {
            return List.of();
        }

        @Override
        public CreatedToken create(String region, String site, Instant expiresAt, String createdBy) {
            throw new UnsupportedOperationException("enrollment tokens are managed by ingest, which is not wired in yet");
        }

        @Override
        public boolean revoke(String id, String revokedBy) {
            throw new UnsupportedOperationException("enrollment tokens are managed by ingest, which is not wired in yet");
        }
    }
}

package org.patchlake.web.enrollment;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Enrollment tokens for agents and the computers they enrolled. Ingest owns them (DATA/ingest/); web only administers
 * them through this interface, implemented over ingest's registry when the agent API is wired in.
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

    /** A computer as enrolled: the site and region it reports from (its token's, or where an administrator moved it). */
    record Computer(String id, String hostname, String region, String site, Instant enrolledAt, boolean revoked) {
        public Computer {
            requireNonNull(id, "id is null");
            requireNonNull(region, "region is null");
            requireNonNull(site, "site is null");
        }
    }

    /** A computer before and after a move to another site. */
    record Moved(Computer before, Computer after) {
    }

    /** Thrown by {@link #move} for a computer id that was never enrolled. */
    final class UnknownComputer extends RuntimeException {
        public UnknownComputer(String computerId) {
            super("no enrolled computer " + computerId);
        }
    }

    boolean available();

    /** Enrolled computers whose id or host name contains {@code text} (case-insensitive; null: all), at most {@code limit}. */
    default List<Computer> computers(String text, int limit) {
        return List.of();
    }

    /**
     * Moves a computer to another site and region: it keeps its id and credentials, reports there from now on, and only
     * that site's tokens re-enroll it.
     *
     * @throws UnknownComputer          for an id never enrolled
     * @throws IllegalArgumentException naming what else is wrong (revoked, already there)
     */
    default Moved move(String computerId, String region, String site, String movedBy) {
        throw new UnsupportedOperationException("enrolled computers are kept by ingest, which is not running in this server");
    }

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

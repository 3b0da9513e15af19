package org.patchlake.web.enrollment;

import org.patchlake.ingest.IngestService;
import org.patchlake.ingest.registry.AgentRegistry;
import org.patchlake.ingest.registry.EnrolledComputer;
import org.patchlake.ingest.registry.EnrollmentToken;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Enrollment tokens and enrolled computers administered from the web UI, kept by ingest's agent registry (its one owner). */
public final class IngestEnrollmentTokens implements EnrollmentTokens {
    private final IngestService ingest;
    private final AgentRegistry registry;

    public IngestEnrollmentTokens(IngestService ingest) {
        this.ingest = requireNonNull(ingest, "ingest is null");
        this.registry = ingest.registry();
    }

    @Override
    public List<Computer> computers(String text, int limit) {
        String needle = text == null ? null : text.toLowerCase(java.util.Locale.ROOT);
        return registry.computers().stream()
                .filter(c -> needle == null || c.computerId().toLowerCase(java.util.Locale.ROOT).contains(needle)
                        || c.hostname().toLowerCase(java.util.Locale.ROOT).contains(needle))
                .limit(limit).map(IngestEnrollmentTokens::computer).toList();
    }

    @Override
    public Moved move(String computerId, String region, String site, String movedBy) {
        try {
            AgentRegistry.Moved moved = ingest.moveComputer(computerId, site, region, movedBy);
            return new Moved(computer(moved.before()), computer(moved.after()));
        } catch (AgentRegistry.UnknownComputerException unknown) {
            throw new UnknownComputer(computerId);
        }
    }

    private static Computer computer(EnrolledComputer computer) {
        return new Computer(computer.computerId(), computer.hostname(), computer.region(), computer.site(), computer.enrolledAt(),
                computer.revoked());
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public List<Token> list() {
        return registry.tokens().stream().map(IngestEnrollmentTokens::token).toList();
    }

    private static Token token(EnrollmentToken token) {
        return new Token(token.tokenId(), token.region(), token.site(), token.createdAt(), token.expiresAt(), token.revokedAt() != null);
    }

    @Override
    public CreatedToken create(String region, String site, Instant expiresAt, String createdBy) {
        AgentRegistry.CreatedToken created = registry.createToken(site, region, expiresAt);
        return new CreatedToken(token(created.token()), created.clearText());
    }

    @Override
    public boolean revoke(String id, String revokedBy) {
        return registry.revokeToken(id);
    }
}

package org.patchlake.web.admin;

import org.patchlake.ingest.registry.AgentRegistry;
import org.patchlake.ingest.registry.EnrollmentToken;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Enrollment tokens administered from the web UI, kept by ingest's agent registry (its one owner). */
public final class IngestEnrollmentTokens implements EnrollmentTokens {
    private final AgentRegistry registry;

    public IngestEnrollmentTokens(AgentRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
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

package org.patchlake.ingest.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.patchlake.core.protocol.AgentSignature;
import org.patchlake.core.protocol.EnrollRequest;
import org.patchlake.core.protocol.ErrorCode;
import org.patchlake.ingest.IngestException;

/**
 * Enrollment tokens and enrolled computers, kept in memory and in the append-only {@link RegistryLog} under
 * {@code DATA/ingest/}. Changes made by another process (the {@code tokens} CLI, another ingest node) are
 * picked up by {@link #refresh()}, which the server calls every second and on a miss.
 */
public final class AgentRegistry {
    private static final long MISS_REFRESH_INTERVAL_MILLIS = 100;

    private final RegistryLog log;
    private final Path keyFile;
    private final SecureRandom random;
    private final Clock clock;
    private final Map<String, EnrollmentToken> tokensById = new ConcurrentHashMap<>();
    private final Map<String, EnrollmentToken> tokensByHash = new ConcurrentHashMap<>();
    private final Map<String, EnrolledComputer> computersById = new ConcurrentHashMap<>();
    private final Map<String, EnrolledComputer> computersByHardwareId = new ConcurrentHashMap<>();
    private final Map<String, String> secretsByComputerId = new ConcurrentHashMap<>();
    private volatile AgentKey key;
    private volatile long lastMissRefresh;

    public AgentRegistry(Path ingestDirectory, ObjectMapper mapper, SecureRandom random, Clock clock) {
        this.log = new RegistryLog(ingestDirectory.resolve("registry.jsonl"), mapper);
        this.keyFile = ingestDirectory.resolve("agent.key");
        this.random = random;
        this.clock = clock;
        refresh();
    }

    /** A token as created: the clear text is shown once and never stored. */
    public record CreatedToken(EnrollmentToken token, String clearText) {
    }

    /** Picks up changes appended by other processes. */
    public void refresh() {
        log.readNew(this::apply);
    }

    public CreatedToken createToken(String site, String region, Instant expiresAt) {
        requireText(site, "site");
        requireText(region, "region");
        String tokenId = "t-" + randomHex(6);
        String clearText = "plt_" + tokenId + "_" + randomHex(24);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("expiresAt " + expiresAt + " is not in the future (now " + now + "): the token would be "
                    + "created expired");
        }
        log.append(this::apply, () -> List.of(new RegistryEvent.TokenCreated(tokenId, sha256(clearText), site, region, expiresAt, now)));
        return new CreatedToken(tokensById.get(tokenId), clearText);
    }

    public List<EnrollmentToken> tokens() {
        refresh();
        return tokensById.values().stream().sorted(Comparator.comparing(EnrollmentToken::createdAt)).toList();
    }

    public List<EnrolledComputer> computers() {
        refresh();
        return computersById.values().stream().sorted(Comparator.comparing(EnrolledComputer::enrolledAt)).toList();
    }

    /** Revokes a token; returns false when there is no such token (revoking twice is fine). */
    public boolean revokeToken(String tokenId) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        refresh();
        if (!tokensById.containsKey(tokenId)) {
            return false;
        }
        log.append(this::apply, () -> tokensById.get(tokenId).revokedAt() == null
                ? List.of(new RegistryEvent.TokenRevoked(tokenId, now)) : List.of());
        return true;
    }

    /** Revokes a computer: its requests are refused from then on (within a second on other processes). */
    public boolean revokeComputer(String computerId) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        refresh();
        if (!computersById.containsKey(computerId)) {
            return false;
        }
        log.append(this::apply, () -> !computersById.get(computerId).revoked()
                ? List.of(new RegistryEvent.ComputerRevoked(computerId, now)) : List.of());
        return true;
    }

    /**
     * Moves a computer to another site and region (an administrator's action): from then on it reports there, and only
     * that site's tokens re-enroll it. Its credentials stay valid. Returns the computer before and after.
     *
     * @throws IllegalArgumentException naming what is wrong: unknown or revoked computer, blank site or region, or
     *                                  the computer is already there
     */
    public Moved moveComputer(String computerId, String site, String region, String movedBy) {
        requireText(site, "site");
        requireText(region, "region");
        requireText(movedBy, "movedBy");
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        refresh();
        EnrolledComputer[] before = new EnrolledComputer[1];
        log.append(this::apply, () -> {
            EnrolledComputer computer = computersById.get(computerId);
            before[0] = computer;
            if (computer == null) {
                throw new UnknownComputerException(computerId);
            }
            if (computer.revoked()) {
                throw new IllegalArgumentException("computer " + computerId + " is revoked");
            }
            if (computer.belongsTo(site, region)) {
                throw new IllegalArgumentException("computer " + computerId + " is already at site " + site + " in region " + region);
            }
            return List.of(new RegistryEvent.ComputerMoved(computerId, site, region, movedBy, now));
        });
        return new Moved(before[0], before[0].movedTo(site, region));
    }

    /** A computer before and after a move. */
    public record Moved(EnrolledComputer before, EnrolledComputer after) {
    }

    /** {@link #moveComputer} of a computer id that was never enrolled. */
    public static final class UnknownComputerException extends IllegalArgumentException {
        public UnknownComputerException(String computerId) {
            super("no enrolled computer " + computerId);
        }
    }

    /** Enrolls (or re-enrolls, same hardware id → same computer id, new credential generation). */
    public EnrolledComputer enroll(EnrollRequest request) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String hash = sha256(request.enrollmentToken());
        List<RegistryEvent> events = log.append(this::apply, () -> {
            EnrollmentToken token = tokensByHash.get(hash);
            if (token == null || !token.usableAt(now)) {
                throw new IngestException(ErrorCode.BAD_ENROLLMENT_TOKEN, "enrollmentToken",
                        token == null ? "unknown enrollment token" : "enrollment token " + token.tokenId() + " is revoked or expired");
            }
            EnrolledComputer existing = computersByHardwareId.get(request.hardwareId());
            if (existing != null && existing.revoked()) {
                throw new IngestException(ErrorCode.COMPUTER_REVOKED, "hardwareId",
                        "computer " + existing.computerId() + " with this hardware id is revoked");
            }
            if (existing != null && !existing.belongsTo(token.site(), token.region())) {
                // its site and computer id stay unnamed: the caller holds only another site's token
                throw new IngestException(ErrorCode.COMPUTER_OF_ANOTHER_SITE, "hardwareId", "the computer with this hardware id"
                        + " is enrolled at another site, and an enrollment token re-enrolls only computers of its own site"
                        + " (a platform administrator moves computers between sites)");
            }
            String computerId = existing != null ? existing.computerId() : "c-" + randomHex(8);
            int generation = existing != null ? existing.credentialGeneration() + 1 : 1;
            return List.of(new RegistryEvent.ComputerEnrolled(computerId, request.hardwareId(), request.hostname(),
                    token.tokenId(), token.site(), token.region(), generation, now));
        });
        // this enrollment as written, not the registry's entry now: a concurrent re-enrollment of the same hardware id
        // may have moved that on to the next credential generation meanwhile
        return enrolled((RegistryEvent.ComputerEnrolled) events.get(0));
    }

    private static EnrolledComputer enrolled(RegistryEvent.ComputerEnrolled enrolled) {
        return new EnrolledComputer(enrolled.computerId(), enrolled.hardwareId(), enrolled.hostname(),
                enrolled.tokenId(), enrolled.site(), enrolled.region(), enrolled.credentialGeneration(), enrolled.at(), null);
    }

    /** The computer, or null if unknown (after one refresh from the log, at most every 100 ms). */
    public EnrolledComputer computer(String computerId) {
        EnrolledComputer computer = computersById.get(computerId);
        if (computer == null) {
            long now = System.nanoTime() / 1_000_000;
            if (now - lastMissRefresh >= MISS_REFRESH_INTERVAL_MILLIS) {
                lastMissRefresh = now;
                refresh();
                computer = computersById.get(computerId);
            }
        }
        return computer;
    }

    /** The agent secret of the computer's current credential generation. */
    public String secretOf(EnrolledComputer computer) {
        return secretsByComputerId.computeIfAbsent(computer.computerId() + "/" + computer.credentialGeneration(),
                ignored -> key().secretFor(computer.computerId(), computer.credentialGeneration()));
    }

    private AgentKey key() {
        AgentKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = AgentKey.loadOrCreate(keyFile, random);
                }
                current = key;
            }
        }
        return current;
    }

    private void apply(RegistryEvent event) {
        if (event instanceof RegistryEvent.TokenCreated created) {
            EnrollmentToken token = new EnrollmentToken(created.tokenId(), created.tokenSha256(), created.site(),
                    created.region(), created.at(), created.expiresAt(), null);
            tokensById.put(token.tokenId(), token);
            tokensByHash.put(token.tokenSha256(), token);
        } else if (event instanceof RegistryEvent.TokenRevoked revoked) {
            EnrollmentToken token = tokensById.get(revoked.tokenId());
            if (token != null) {
                EnrollmentToken updated = token.revoked(revoked.at());
                tokensById.put(updated.tokenId(), updated);
                tokensByHash.put(updated.tokenSha256(), updated);
            }
        } else if (event instanceof RegistryEvent.ComputerEnrolled enrolled) {
            EnrolledComputer computer = enrolled(enrolled);
            computersById.put(computer.computerId(), computer);
            computersByHardwareId.put(computer.hardwareId(), computer);
        } else if (event instanceof RegistryEvent.ComputerMoved moved) {
            EnrolledComputer computer = computersById.get(moved.computerId());
            if (computer != null) {
                EnrolledComputer updated = computer.movedTo(moved.site(), moved.region());
                computersById.put(updated.computerId(), updated);
                computersByHardwareId.put(updated.hardwareId(), updated);
            }
        } else if (event instanceof RegistryEvent.ComputerRevoked revoked) {
            EnrolledComputer computer = computersById.get(revoked.computerId());
            if (computer != null) {
                EnrolledComputer updated = computer.withRevokedAt(revoked.at());
                computersById.put(updated.computerId(), updated);
                computersByHardwareId.put(updated.hardwareId(), updated);
            }
        }
    }

    private String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(AgentSignature.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}

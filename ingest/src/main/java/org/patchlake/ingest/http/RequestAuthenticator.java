package org.patchlake.ingest.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.patchlake.core.protocol.AgentProtocol;
import org.patchlake.core.protocol.AgentSignature;
import org.patchlake.core.protocol.ErrorCode;
import org.patchlake.core.protocol.ProtocolViolation;
import org.patchlake.ingest.IngestException;
import org.patchlake.ingest.registry.AgentRegistry;
import org.patchlake.ingest.registry.EnrolledComputer;

/**
 * Checks the four agent headers of {@link AgentProtocol}: a known, unrevoked computer, a signature made with
 * its current secret over method, path, timestamp, nonce and body hash, and a timestamp within the allowed
 * clock skew (older or future-dated requests are refused as replays).
 */
public final class RequestAuthenticator {
    private final AgentRegistry registry;
    private final Duration clockSkew;
    private final Clock clock;

    public RequestAuthenticator(AgentRegistry registry, Duration clockSkew, Clock clock) {
        this.registry = registry;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    /** The authenticated request: who sent it and the nonce it was signed with. */
    public record Authenticated(EnrolledComputer computer, String nonce) {
    }

    public Authenticated authenticate(String method, String path, UnaryOperator<String> headers, byte[] body) {
        String computerId = required(headers, AgentProtocol.HEADER_COMPUTER);
        String timestampText = required(headers, AgentProtocol.HEADER_TIMESTAMP);
        String nonce = required(headers, AgentProtocol.HEADER_NONCE);
        String signature = required(headers, AgentProtocol.HEADER_SIGNATURE);
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampText.trim());
        } catch (NumberFormatException e) {
            throw new IngestException(ErrorCode.MISSING_CREDENTIALS, AgentProtocol.HEADER_TIMESTAMP,
                    AgentProtocol.HEADER_TIMESTAMP + " must be epoch milliseconds but was '" + shorten(timestampText) + "'");
        }
        EnrolledComputer computer = registry.computer(computerId);
        if (computer == null) {
            throw new IngestException(ErrorCode.UNKNOWN_COMPUTER, AgentProtocol.HEADER_COMPUTER,
                    "computer '" + shorten(computerId) + "' is not enrolled");
        }
        if (computer.revoked()) {
            throw new IngestException(ErrorCode.COMPUTER_REVOKED, AgentProtocol.HEADER_COMPUTER,
                    "computer " + computerId + " was revoked at " + computer.revokedAt() + "; enroll is refused too");
        }
        AgentSignature expected;
        try {
            expected = AgentSignature.of(method, path, timestamp, nonce, body);
        } catch (ProtocolViolation e) {
            throw new IngestException(ErrorCode.MISSING_CREDENTIALS, AgentProtocol.HEADER_NONCE,
                    AgentProtocol.HEADER_NONCE + " " + e.reason());
        }
        if (!expected.verify(registry.secretOf(computer), signature)) {
            throw new IngestException(ErrorCode.BAD_SIGNATURE, AgentProtocol.HEADER_SIGNATURE,
                    "signature does not match (HMAC-SHA256 over method, path, timestamp, nonce, body SHA-256 with the secret of the "
                            + "latest enrollment of " + computerId + ")");
        }
        Instant now = clock.instant();
        long skew = Math.abs(now.toEpochMilli() - timestamp);
        if (skew > clockSkew.toMillis()) {
            throw new IngestException(ErrorCode.CLOCK_SKEW, AgentProtocol.HEADER_TIMESTAMP, "request timestamp "
                    + Instant.ofEpochMilli(timestamp) + " is " + skew / 1000 + " s away from server time " + now
                    + " (allowed: " + clockSkew.toSeconds() + " s); fix the clock or re-sign the request");
        }
        return new Authenticated(computer, nonce);
    }

    private static String required(UnaryOperator<String> headers, String name) {
        String value = headers.apply(name);
        if (value == null || value.isBlank()) {
            throw new IngestException(ErrorCode.MISSING_CREDENTIALS, name, "header " + name + " is required");
        }
        return value;
    }

    private static String shorten(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}

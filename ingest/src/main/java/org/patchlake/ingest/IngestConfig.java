package org.patchlake.ingest;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.patchlake.core.protocol.AgentSettings;

import static java.util.Objects.requireNonNull;

/**
 * Everything ingest can be told, read once in {@code main} (flags) or built by the web module.
 *
 * @param dataDirectory        DATA: landing under {@code DATA/landing}, ingest state under {@code DATA/ingest}
 * @param port                 HTTP port for the standalone server (0 = any free port)
 * @param node                 this node's name in landing file names (unique per ingest node sharing DATA)
 * @param maxBodyBytes         largest request body accepted as sent (compressed), bytes
 * @param maxDecompressedBytes largest body after gzip decompression, bytes (the gzip-bomb limit)
 * @param clockSkew            accepted difference between the request timestamp and the server clock
 * @param rollBytes            a landing file is sealed when it reaches this size
 * @param rollAge              ... or this age
 * @param compressionLevel     gzip level of landing files (1 fast .. 9 small)
 * @param dedupWindow          how long message ids are remembered (ETL also dedups by message id)
 * @param agentSettings        settings sent to agents
 * @param maxTimestampAhead    how far past server time a timestamp in an agent message may lie (its clock may run
 *                             ahead a little); later ones, and ones before 2000, are refused (default 24 hours)
 */
public record IngestConfig(
        Path dataDirectory,
        int port,
        String node,
        int maxBodyBytes,
        int maxDecompressedBytes,
        Duration clockSkew,
        long rollBytes,
        Duration rollAge,
        int compressionLevel,
        Duration dedupWindow,
        AgentSettings agentSettings,
        Duration maxTimestampAhead) {

    public static final int DEFAULT_PORT = 7070;
    public static final Duration DEFAULT_MAX_TIMESTAMP_AHEAD = Duration.ofHours(24);

    /** Without {@code maxTimestampAhead}: the default, 24 hours. */
    public IngestConfig(Path dataDirectory, int port, String node, int maxBodyBytes, int maxDecompressedBytes, Duration clockSkew,
                        long rollBytes, Duration rollAge, int compressionLevel, Duration dedupWindow, AgentSettings agentSettings) {
        this(dataDirectory, port, node, maxBodyBytes, maxDecompressedBytes, clockSkew, rollBytes, rollAge, compressionLevel,
                dedupWindow, agentSettings, DEFAULT_MAX_TIMESTAMP_AHEAD);
    }

    public IngestConfig {
        requireNonNull(dataDirectory, "dataDirectory is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 but was " + port);
        }
        requireNonNull(node, "node is null");
        if (maxBodyBytes < 1024 || maxDecompressedBytes < maxBodyBytes) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1024 and <= maxDecompressedBytes");
        }
        requireNonNull(clockSkew, "clockSkew is null");
        requireNonNull(rollAge, "rollAge is null");
        if (compressionLevel < 1 || compressionLevel > 9) {
            throw new IllegalArgumentException("compressionLevel must be 1..9 but was " + compressionLevel);
        }
        requireNonNull(dedupWindow, "dedupWindow is null");
        requireNonNull(agentSettings, "agentSettings is null");
        requireNonNull(maxTimestampAhead, "maxTimestampAhead is null");
        if (maxTimestampAhead.isNegative() || maxTimestampAhead.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("maxTimestampAhead must be 0 .. 7 days but was " + maxTimestampAhead);
        }
    }

    /** Defaults: port 7070, 4 MiB bodies (32 MiB decompressed), 5 minutes skew, files sealed at 128 MiB or 5 minutes. */
    public static IngestConfig defaults(Path dataDirectory) {
        return new IngestConfig(dataDirectory, DEFAULT_PORT, defaultNode(), 4 << 20, 32 << 20, Duration.ofMinutes(5),
                128L << 20, Duration.ofMinutes(5), 1, Duration.ofDays(14), AgentSettings.DEFAULTS, DEFAULT_MAX_TIMESTAMP_AHEAD);
    }

    public Path landingDirectory() {
        return dataDirectory.resolve("landing");
    }

    public Path ingestDirectory() {
        return dataDirectory.resolve("ingest");
    }

    public IngestConfig withPort(int newPort) {
        return new IngestConfig(dataDirectory, newPort, node, maxBodyBytes, maxDecompressedBytes, clockSkew, rollBytes, rollAge,
                compressionLevel, dedupWindow, agentSettings, maxTimestampAhead);
    }

    public IngestConfig withRoll(long newRollBytes, Duration newRollAge) {
        return new IngestConfig(dataDirectory, port, node, maxBodyBytes, maxDecompressedBytes, clockSkew, newRollBytes, newRollAge,
                compressionLevel, dedupWindow, agentSettings, maxTimestampAhead);
    }

    public IngestConfig withNode(String newNode) {
        return new IngestConfig(dataDirectory, port, newNode, maxBodyBytes, maxDecompressedBytes, clockSkew, rollBytes, rollAge,
                compressionLevel, dedupWindow, agentSettings, maxTimestampAhead);
    }

    public IngestConfig withBodyLimits(int newMaxBodyBytes, int newMaxDecompressedBytes) {
        return new IngestConfig(dataDirectory, port, node, newMaxBodyBytes, newMaxDecompressedBytes, clockSkew, rollBytes, rollAge,
                compressionLevel, dedupWindow, agentSettings, maxTimestampAhead);
    }

    public IngestConfig withAgentSettings(AgentSettings settings) {
        return new IngestConfig(dataDirectory, port, node, maxBodyBytes, maxDecompressedBytes, clockSkew, rollBytes, rollAge,
                compressionLevel, dedupWindow, settings, maxTimestampAhead);
    }

    public IngestConfig withMaxTimestampAhead(Duration ahead) {
        return new IngestConfig(dataDirectory, port, node, maxBodyBytes, maxDecompressedBytes, clockSkew, rollBytes, rollAge,
                compressionLevel, dedupWindow, agentSettings, ahead);
    }

    /** The host name, reduced to the characters landing file names allow; {@code ingest} if unknown. */
    static String defaultNode() {
        try {
            String host = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.]", "_");
            return host.isEmpty() || !Character.isLetterOrDigit(host.charAt(0)) ? "ingest" : host.substring(0, Math.min(host.length(), 64));
        } catch (Exception unknownHost) {
            return "ingest";
        }
    }
}

package org.patchlake.agent.spool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Counters of the spool, kept on disk beside it: messages sent, inventories dropped by compaction, messages
 * the server rejected for good, times the spool stayed over its limit, and the last sequence number used.
 */
public record SpoolStats(long sent, long compactedInventories, long rejected, long overLimit, long lastSequence) {

    static SpoolStats read(Path file) {
        if (!Files.exists(file)) {
            return new SpoolStats(0, 0, 0, 0, 0);
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("spool counters " + file + ": " + e.getMessage(), e);
        }
        return new SpoolStats(number(properties, "sent"), number(properties, "compactedInventories"),
            number(properties, "rejected"), number(properties, "overLimit"), number(properties, "lastSequence"));
    }

    Properties toProperties() {
        Properties properties = new Properties();
        properties.setProperty("sent", Long.toString(sent));
        properties.setProperty("compactedInventories", Long.toString(compactedInventories));
        properties.setProperty("rejected", Long.toString(rejected));
        properties.setProperty("overLimit", Long.toString(overLimit));
        properties.setProperty("lastSequence", Long.toString(lastSequence));
        return properties;
    }

    SpoolStats withSent(long count) {
        return new SpoolStats(sent + count, compactedInventories, rejected, overLimit, lastSequence);
    }

    SpoolStats withCompactedInventories(long count) {
        return new SpoolStats(sent, compactedInventories + count, rejected, overLimit, lastSequence);
    }

    SpoolStats withRejected(long count) {
        return new SpoolStats(sent, compactedInventories, rejected + count, overLimit, lastSequence);
    }

    SpoolStats withOverLimit(long count) {
        return new SpoolStats(sent, compactedInventories, rejected, overLimit + count, lastSequence);
    }

    SpoolStats withLastSequence(long sequence) {
        return new SpoolStats(sent, compactedInventories, rejected, overLimit, Math.max(lastSequence, sequence));
    }

    private static long number(Properties properties, String name) {
        return Long.parseLong(properties.getProperty(name, "0").trim());
    }
}

package org.patchlake.ingest.landing;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Paths of the landing contract: {@code LANDING/<kind>/dt=YYYY-MM-DD/<node>-<seq>.jsonl.gz} for sealed files and
 * the same relative path under {@code LANDING/_incoming/} while a file is written. {@code seq} is a 17-digit
 * number (epoch milliseconds at open, bumped to stay strictly increasing), so names sort by age per node.
 */
public final class LandingLayout {
    public static final String INCOMING = "_incoming";
    public static final String SUFFIX = ".jsonl.gz";
    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.]{0,63}");

    private final Path root;
    private final String node;
    private long lastSequence;

    public LandingLayout(Path root, String node) {
        this.root = requireNonNull(root, "root is null");
        requireNonNull(node, "node is null");
        if (!NODE.matcher(node).matches()) {
            throw new IllegalArgumentException("node must match " + NODE.pattern() + " (no '-') but was '" + node + "'");
        }
        this.node = node;
    }

    public Path root() {
        return root;
    }

    public Path incomingRoot() {
        return root.resolve(INCOMING);
    }

    public Path incoming(String kind, LocalDate day, String fileName) {
        return incomingRoot().resolve(kind).resolve("dt=" + day).resolve(fileName);
    }

    public Path sealed(String kind, LocalDate day, String fileName) {
        return root.resolve(kind).resolve("dt=" + day).resolve(fileName);
    }

    /** Where an {@code _incoming} file belongs once sealed. */
    public Path sealedFor(Path incomingFile) {
        return root.resolve(incomingRoot().relativize(incomingFile));
    }

    /** A new file name for this node, unique across restarts as long as the clock does not jump back. */
    public synchronized String nextFileName(Instant now) {
        lastSequence = Math.max(lastSequence + 1, now.toEpochMilli());
        return node + "-" + String.format("%017d", lastSequence) + SUFFIX;
    }

    /** Makes sure new names sort after {@code fileName} (found at start in landing or _incoming). */
    public synchronized void observe(String fileName) {
        if (fileName.startsWith(node + "-") && fileName.endsWith(SUFFIX)) {
            String digits = fileName.substring(node.length() + 1, fileName.length() - SUFFIX.length());
            try {
                lastSequence = Math.max(lastSequence, Long.parseLong(digits));
            } catch (NumberFormatException other) {
                // not one of ours
            }
        }
    }
}

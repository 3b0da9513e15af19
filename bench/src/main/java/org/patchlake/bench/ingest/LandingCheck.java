package org.patchlake.bench.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The bench's proof that nothing acknowledged is lost: reads the sealed inventory landing files that appeared
 * since the last check and counts how often each acknowledged message id occurs in them (only the id at the
 * start of each envelope line is read; the rest of the line is skipped).
 */
final class LandingCheck {
    private static final byte[] LINE_START = "{\"messageId\":\"".getBytes(StandardCharsets.US_ASCII);

    private final Path inventory;
    private final Set<Path> checked = new HashSet<>();

    LandingCheck(Path landing) {
        this.inventory = landing.resolve("inventory");
    }

    /** Of the acknowledged ids: how many are in landing, how many are missing, how many are there more than once. */
    record Found(long found, long missing, long storedTwice) {
    }

    Found check(Set<String> acknowledged) {
        Map<String, Integer> counts = new HashMap<>();
        for (Path file : newFiles()) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                forEachMessageId(in, id -> {
                    if (acknowledged.contains(id)) {
                        counts.merge(id, 1, Integer::sum);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read landing file " + file, e);
            }
            checked.add(file);
        }
        long missing = acknowledged.stream().filter(id -> !counts.containsKey(id)).count();
        long twice = counts.values().stream().filter(n -> n > 1).count();
        return new Found(acknowledged.size() - missing, missing, twice);
    }

    private List<Path> newFiles() {
        if (!Files.isDirectory(inventory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(inventory)) {
            return walk.filter(path -> path.toString().endsWith(".jsonl.gz") && !checked.contains(path)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + inventory, e);
        }
    }

    /** Hands over the message id at the start of every line; a line of another shape fails the check. */
    private static void forEachMessageId(InputStream in, java.util.function.Consumer<String> ids) throws IOException {
        byte[] buffer = new byte[1 << 16];
        StringBuilder id = new StringBuilder(64);
        int column = 0; // position in the line while reading its start; -1 once the id is read
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (column < 0) {
                    if (b == '\n') {
                        column = 0;
                    }
                } else if (column < LINE_START.length) {
                    if (b != LINE_START[column++]) {
                        throw new IOException("landing line does not start with " + new String(LINE_START, StandardCharsets.US_ASCII));
                    }
                } else if (b == '"') {
                    ids.accept(id.toString());
                    id.setLength(0);
                    column = -1;
                } else {
                    id.append((char) b);
                }
            }
        }
    }
}

package org.patchlake.ingest.landing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once at start, before the writer: every file left in {@code _incoming} by a crash is trimmed to its
 * last complete gzip member (everything acknowledged was forced before its answer, so it lies in that
 * prefix), its message ids are added to the dedup index, and it is sealed into landing.
 */
public final class LandingRecovery {
    private static final Logger log = LoggerFactory.getLogger(LandingRecovery.class);

    private final LandingLayout layout;
    private final DedupIndex dedup;
    private final ObjectMapper mapper;

    public LandingRecovery(LandingLayout layout, DedupIndex dedup, ObjectMapper mapper) {
        this.layout = layout;
        this.dedup = dedup;
        this.mapper = mapper;
    }

    /** Result of a recovery, for the start-up log line. */
    public record Result(int files, int messages, long trimmedBytes) {
    }

    public Result recover() {
        observeExistingNames();
        Path incoming = layout.incomingRoot();
        if (!Files.isDirectory(incoming)) {
            return new Result(0, 0, 0);
        }
        int files = 0;
        int messages = 0;
        long trimmed = 0;
        try (Stream<Path> walk = Files.walk(incoming)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (!file.getFileName().toString().endsWith(LandingLayout.SUFFIX)) {
                    continue;
                }
                long size = Files.size(file);
                List<DedupIndex.Entry> entries = new ArrayList<>();
                long valid = validPrefix(file, entries);
                if (valid < size) {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.truncate(valid);
                        channel.force(false);
                    }
                    trimmed += size - valid;
                    log.warn("landing recovery: {} cut back from {} to {} bytes (torn last write, never acknowledged)", file, size, valid);
                }
                dedup.record(entries);
                dedup.sync();
                if (valid == 0) {
                    Files.delete(file);
                } else {
                    LandingFile.moveIntoPlace(file, layout.sealedFor(file));
                }
                files++;
                messages += entries.size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("landing recovery failed in " + incoming, e);
        }
        if (files > 0) {
            log.info("landing recovery: sealed {} file(s) from _incoming holding {} message(s), trimmed {} byte(s)", files, messages, trimmed);
        }
        return new Result(files, messages, trimmed);
    }

    private long validPrefix(Path file, List<DedupIndex.Entry> entries) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return GzipMembers.validPrefix(bytes, bytes.length, content -> {
            String text = new String(content, StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    JsonNode envelope = mapper.readTree(line);
                    JsonNode computer = envelope.get("computerId");
                    entries.add(new DedupIndex.Entry(
                            LandingEnvelope.dedupKey(envelope.get("kind").asText(),
                                    computer == null || computer.isNull() ? null : computer.asText(),
                                    envelope.get("messageId").asText()),
                            Instant.parse(envelope.get("receivedAt").asText())));
                } catch (IOException | RuntimeException e) {
                    log.warn("landing recovery: {}: unreadable envelope line kept as is: {}", file, e.getMessage());
                }
            }
        });
    }

    private void observeExistingNames() {
        for (Path start : List.of(layout.root())) {
            if (!Files.isDirectory(start)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(start, 3)) {
                walk.filter(Files::isRegularFile).forEach(path -> layout.observe(path.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list landing " + start, e);
            }
        }
        if (Files.isDirectory(layout.incomingRoot())) {
            try (Stream<Path> walk = Files.walk(layout.incomingRoot(), 3)) {
                walk.filter(Files::isRegularFile).forEach(path -> layout.observe(path.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + layout.incomingRoot(), e);
            }
        }
    }
}

package org.patchlake.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Test helper: what is in a landing folder. */
final class LandingFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LandingFiles() {
    }

    /** Every file under landing (sealed and _incoming) with its size: equal snapshots mean nothing was written. */
    static Map<String, Long> snapshot(Path landing) {
        Map<String, Long> sizes = new TreeMap<>();
        if (!Files.isDirectory(landing)) {
            return sizes;
        }
        try (Stream<Path> walk = Files.walk(landing)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                sizes.put(landing.relativize(file).toString(), Files.size(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sizes;
    }

    /** Envelope lines of sealed files of one kind (or every kind when null). */
    static List<JsonNode> sealedLines(Path landing, String kind) {
        List<JsonNode> lines = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(landing)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = landing.relativize(file);
                if (relative.startsWith("_incoming") || !file.toString().endsWith(".jsonl.gz")) {
                    continue;
                }
                if (kind != null && !relative.getName(0).toString().equals(kind)) {
                    continue;
                }
                lines.addAll(read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    static List<JsonNode> read(Path file) {
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(MAPPER.readTree(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read landing file " + file, e);
        }
        return lines;
    }

    static List<Path> incomingFiles(Path landing) {
        Path incoming = landing.resolve("_incoming");
        if (!Files.isDirectory(incoming)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(incoming)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

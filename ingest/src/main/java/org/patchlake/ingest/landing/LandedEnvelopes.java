package org.patchlake.ingest.landing;

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
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads back what ingest landed: every envelope of one kind in the sealed files under {@code DATA/landing/<kind>}
 * (in-progress files under {@code _incoming} are not included; seal first). For tests and tools that check what
 * agents delivered; ETL reads landing with Spark.
 */
public final class LandedEnvelopes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LandedEnvelopes() {
    }

    public static List<JsonNode> read(Path dataDirectory, String kind) {
        List<JsonNode> envelopes = new ArrayList<>();
        Path root = dataDirectory.resolve("landing").resolve(kind);
        if (!Files.isDirectory(root)) {
            return envelopes;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl.gz")).sorted().toList()) {
                readFile(file, envelopes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading landed " + kind + " envelopes under " + root + ": " + e.getMessage(), e);
        }
        return envelopes;
    }

    private static void readFile(Path file, List<JsonNode> envelopes) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    try {
                        envelopes.add(JSON.readTree(line));
                    } catch (IOException e) {
                        throw new IOException("landing file " + file + " line " + number + ": " + e.getMessage(), e);
                    }
                }
            }
        }
    }
}

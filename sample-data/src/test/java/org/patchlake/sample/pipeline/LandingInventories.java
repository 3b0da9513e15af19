package org.patchlake.sample.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The latest inventory of every computer, read straight from the landing files (the envelopes ingest wrote), without
 * any of the project's ETL code: what an auditor could reproduce with a JSON reader.
 */
final class LandingInventories {
    /** One computer's latest scan: its OS product, installed KBs with days, and its restart facts. */
    record Inventory(String computerId, Instant scannedAt, String osProduct, Map<String, LocalDate> installed,
                     Set<String> flaggedPending, boolean pendingReboot, Instant lastBootAt) {
    }

    private LandingInventories() {
    }

    static Map<String, Inventory> latest(Path landing) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Inventory> latest = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Path inventories = landing.resolve("inventory");
        if (!Files.isDirectory(inventories)) {
            return latest;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(inventories)) {
            files = walk.filter(file -> file.getFileName().toString().endsWith(".jsonl.gz")).sorted().toList();
        }
        for (Path file : files) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    JsonNode envelope = json.readTree(line);
                    String computerId = envelope.path("computerId").asText();
                    if (!seen.add(computerId + "|" + envelope.path("messageId").asText())) {
                        continue;
                    }
                    Inventory inventory = inventory(computerId, envelope.path("payload"));
                    Inventory before = latest.get(computerId);
                    if (before == null || inventory.scannedAt().isAfter(before.scannedAt())) {
                        latest.put(computerId, inventory);
                    }
                }
            }
        }
        return latest;
    }

    private static Inventory inventory(String computerId, JsonNode payload) {
        Map<String, LocalDate> installed = new HashMap<>();
        Set<String> flagged = new HashSet<>();
        for (JsonNode item : payload.path("installedUpdates")) {
            String kb = item.path("kb").asText();
            installed.put(kb, item.hasNonNull("installedOn") ? LocalDate.parse(item.path("installedOn").asText()) : null);
            if (item.path("pendingReboot").asBoolean(false)) {
                flagged.add(kb);
            }
        }
        return new Inventory(computerId, Instant.parse(payload.path("scannedAt").asText()),
            payload.path("os").path("product").asText(null), installed, flagged,
            payload.path("pendingReboot").path("pending").asBoolean(false),
            payload.hasNonNull("lastBootAt") ? Instant.parse(payload.path("lastBootAt").asText()) : null);
    }
}

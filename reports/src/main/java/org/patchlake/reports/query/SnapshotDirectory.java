package org.patchlake.reports.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code WH/CURRENT} and the {@code _SNAPSHOT.json} of the snapshot it names. */
final class SnapshotDirectory {
    private static final Pattern SNAPSHOT_NAME = Pattern.compile("s-[0-9A-Za-z_.-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path warehouse;

    SnapshotDirectory(Path warehouse) {
        this.warehouse = warehouse;
    }

    /** The name in CURRENT, or empty when nothing has been published yet. */
    Optional<String> currentName() {
        Path current = warehouse.resolve("CURRENT");
        try {
            String name = Files.readString(current, StandardCharsets.UTF_8).trim();
            if (!SNAPSHOT_NAME.matcher(name).matches()) {
                throw new QueryException(current + ": not a snapshot directory name: '" + name + "'");
            }
            return Optional.of(name);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new QueryException("cannot read " + current + ": " + e.getMessage(), e);
        }
    }

    SnapshotInfo describe(String name) {
        Path directory = warehouse.resolve("snapshots").resolve(name);
        Path manifest = directory.resolve("_SNAPSHOT.json");
        try {
            JsonNode root = JSON.readTree(manifest.toFile());
            Instant published = instant(root, "published_at", manifest);
            Instant dataAsOf = root.hasNonNull("data_as_of") ? instant(root, "data_as_of", manifest) : published;
            String id = root.hasNonNull("id") ? root.get("id").asText() : name;
            String catalog = root.hasNonNull("catalog_version") ? root.get("catalog_version").asText() : null;
            return new SnapshotInfo(id, published, dataAsOf, catalog, directory);
        } catch (IOException e) {
            throw new QueryException("cannot read snapshot manifest " + manifest + ": " + e.getMessage(), e);
        }
    }

    private static Instant instant(JsonNode root, String field, Path manifest) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new QueryException(manifest + ": field " + field + " is missing");
        }
        String text = node.asText();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new QueryException(manifest + ": field " + field + " is not a timestamp: '" + text + "'");
            }
        }
    }
}

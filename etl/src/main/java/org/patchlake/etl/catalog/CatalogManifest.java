package org.patchlake.etl.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code _CATALOG.json} of a catalog version: where it came from, when, and its counts.
 *
 * @param counts table row counts ("updates", ...) and import counts ("rows_read", "kbs", "cves", ...)
 * @param errors bad rows per kind (every kind, 0 included)
 */
public record CatalogManifest(
        String version,
        String source,
        List<String> sourceFiles,
        Instant importedAt,
        long durationMillis,
        Map<String, Long> counts,
        Map<String, Long> errors) {

    public static final String FILE_NAME = "_CATALOG.json";

    public CatalogManifest {
        requireNonNull(version, "version is null");
        requireNonNull(source, "source is null");
        sourceFiles = List.copyOf(sourceFiles);
        requireNonNull(importedAt, "importedAt is null");
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public void write(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", version);
        json.put("source", source);
        json.put("source_files", sourceFiles);
        json.put("imported_at", importedAt.toString());
        json.put("duration_ms", durationMillis);
        json.put("counts", counts);
        json.put("errors", errors);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }

    @SuppressWarnings("unchecked")
    public static CatalogManifest read(Path file) throws IOException {
        Map<String, Object> json = new ObjectMapper().readValue(file.toFile(), Map.class);
        try {
            return new CatalogManifest((String) json.get("version"), (String) json.get("source"),
                    (List<String>) json.get("source_files"), Instant.parse((String) json.get("imported_at")),
                    ((Number) json.get("duration_ms")).longValue(), longs((Map<String, Object>) json.get("counts")),
                    longs((Map<String, Object>) json.get("errors")));
        } catch (RuntimeException malformed) {
            throw new IOException(file + " is not a catalog manifest: " + malformed.getMessage(), malformed);
        }
    }

    private static Map<String, Long> longs(Map<String, Object> values) {
        Map<String, Long> result = new LinkedHashMap<>();
        values.forEach((key, value) -> result.put(key, ((Number) value).longValue()));
        return result;
    }
}

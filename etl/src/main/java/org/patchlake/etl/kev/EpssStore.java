package org.patchlake.etl.kev;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * FIRST EPSS scores in the warehouse ({@code WH/epss/e-.../epss/} and {@code _EPSS.json}, current by
 * {@code WH/epss/CURRENT}); the ETL copies the current import into every snapshot. Optional: without one, reports
 * show no score.
 */
public final class EpssStore {
  public static final String TABLE = "epss";
  public static final String MANIFEST = "_EPSS.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ImportDirectory imports;

  public EpssStore(Path warehouse) {
    this.imports = new ImportDirectory(warehouse, "epss", "e");
  }

  /** What one import holds. */
  public record EpssManifest(String modelVersion, String scoreDate, int scores, String sha256, String source,
      Instant importedAt) {
    public EpssManifest {
      requireNonNull(sha256, "sha256 is null");
      requireNonNull(importedAt, "importedAt is null");
    }
  }

  public Optional<Path> currentDirectory() throws IOException {
    return imports.current();
  }

  public Optional<EpssManifest> current() throws IOException {
    Optional<Path> directory = imports.current();
    if (directory.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node = JSON.readTree(directory.get().resolve(MANIFEST).toFile());
    return Optional.of(new EpssManifest(node.path("model_version").asText(), node.path("score_date").asText(),
        node.path("scores").asInt(), node.path("sha256").asText(), node.path("source").asText(),
        Instant.parse(node.path("imported_at").asText())));
  }

  /** Writes the scores as a new import and makes it current; the same bytes as the current import change nothing. */
  public EpssManifest write(EpssFile file, String source, String sha256, Instant importedAt) throws IOException {
    Optional<EpssManifest> current = current();
    if (current.isPresent() && current.get().sha256().equals(sha256)) {
      return current.get();
    }
    EpssManifest manifest = new EpssManifest(file.modelVersion(), file.scoreDate(), file.scores().size(), sha256, source,
        importedAt);
    imports.publish(importedAt, (building, name) -> {
      Files.createDirectories(building.resolve(TABLE));
      writeParquet(file, building.resolve(TABLE).resolve("part-00000.parquet"));
      ObjectNode node = JSON.createObjectNode();
      node.put("model_version", manifest.modelVersion());
      node.put("score_date", manifest.scoreDate());
      node.put("scores", manifest.scores());
      node.put("sha256", sha256);
      node.put("source", source);
      node.put("imported_at", importedAt.toString());
      Files.write(building.resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
    });
    return manifest;
  }

  private static void writeParquet(EpssFile file, Path parquet) throws IOException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck.createStatement()) {
      statement.execute("CREATE TABLE epss (cve VARCHAR, epss DOUBLE, percentile DOUBLE)");
      try (PreparedStatement insert = duck.prepareStatement("INSERT INTO epss VALUES (?, ?, ?)")) {
        for (EpssFile.Score score : file.scores()) {
          insert.setString(1, score.cve());
          insert.setDouble(2, score.epss());
          insert.setDouble(3, score.percentile());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      statement.execute("COPY (SELECT * FROM epss ORDER BY cve) TO '" + Parquet.quoted(parquet) + "' (FORMAT parquet)");
    } catch (SQLException e) {
      throw new IOException("cannot write the EPSS table " + parquet + ": " + e.getMessage(), e);
    }
  }
}

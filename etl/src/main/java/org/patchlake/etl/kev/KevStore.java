package org.patchlake.etl.kev;

import static java.util.Objects.requireNonNull;

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
 * The KEV catalog's place in the warehouse: {@code WH/kev/k-<yyyyMMddHHmmssSSS>/} holds one import (table
 * {@code kev/} as Parquet and {@code _KEV.json} with its version), {@code WH/kev/CURRENT} names the current one and is
 * switched atomically. The ETL copies the current import into every snapshot it publishes, so a newer file changes
 * the known-exploited flags of the next snapshot and re-evaluates nothing.
 */
public final class KevStore {
  public static final String TABLE = "kev";
  public static final String MANIFEST = "_KEV.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ImportDirectory imports;

  public KevStore(Path warehouse) {
    this.imports = new ImportDirectory(warehouse, "kev", "k");
  }

  /** The current import's directory, or empty when no KEV catalog was imported. */
  public Optional<Path> currentDirectory() throws IOException {
    return imports.current();
  }

  /** The manifest of the current import, or empty. */
  public Optional<KevManifest> current() throws IOException {
    Optional<Path> current = currentDirectory();
    return current.isEmpty() ? Optional.empty() : Optional.of(KevManifest.read(current.get().resolve(MANIFEST)));
  }

  /**
   * Writes {@code file} as a new import and makes it current. An older catalog version than the current one is
   * refused (a stale download must not hide newer entries); the same version with the same bytes changes nothing.
   */
  public KevManifest write(KevFile file, String source, String sha256, Instant importedAt) throws IOException {
    Optional<KevManifest> current = current();
    if (current.isPresent()) {
      KevManifest previous = current.get();
      if (previous.sha256().equals(sha256)) {
        return previous;
      }
      if (file.dateReleased().isBefore(previous.dateReleased())) {
        throw new IllegalArgumentException(source + " is KEV catalog " + file.catalogVersion() + " released "
            + file.dateReleased() + ", older than the current " + previous.catalogVersion() + " released "
            + previous.dateReleased() + ": not imported");
      }
    }
    KevManifest[] written = new KevManifest[1];
    imports.publish(importedAt, (building, name) -> {
      Files.createDirectories(building.resolve(TABLE));
      writeParquet(file, building.resolve(TABLE).resolve("part-00000.parquet"));
      written[0] = new KevManifest(name, file.catalogVersion(), file.dateReleased(), file.entries().size(),
          file.microsoftCount(), sha256, source, importedAt);
      written[0].write(building.resolve(MANIFEST));
    });
    return written[0];
  }

  private static void writeParquet(KevFile file, Path parquet) throws IOException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck.createStatement()) {
      statement.execute("CREATE TABLE kev (cve VARCHAR, vendor_project VARCHAR, product VARCHAR,"
          + " vulnerability_name VARCHAR, date_added DATE, due_date DATE, ransomware BOOLEAN, required_action VARCHAR)");
      try (PreparedStatement insert = duck.prepareStatement("INSERT INTO kev VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (KevEntry entry : file.entries()) {
          insert.setString(1, entry.cveId());
          insert.setString(2, entry.vendorProject());
          insert.setString(3, entry.product());
          insert.setString(4, entry.vulnerabilityName());
          insert.setObject(5, entry.dateAdded());
          insert.setObject(6, entry.dueDate());
          insert.setBoolean(7, entry.ransomware());
          insert.setString(8, entry.requiredAction());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      statement.execute("COPY (SELECT * FROM kev ORDER BY cve) TO '" + Parquet.quoted(parquet) + "' (FORMAT parquet)");
    } catch (SQLException e) {
      throw new IOException("cannot write the KEV table " + parquet + ": " + e.getMessage(), e);
    }
  }

  /** What one import holds; {@code _KEV.json} of its directory. */
  public record KevManifest(String name, String catalogVersion, Instant dateReleased, int entries, long microsoft,
      String sha256, String source, Instant importedAt) {
    public KevManifest {
      requireNonNull(name, "name is null");
      requireNonNull(catalogVersion, "catalogVersion is null");
      requireNonNull(dateReleased, "dateReleased is null");
      requireNonNull(sha256, "sha256 is null");
      requireNonNull(source, "source is null");
      requireNonNull(importedAt, "importedAt is null");
    }

    void write(Path file) throws IOException {
      ObjectNode node = JSON.createObjectNode();
      node.put("name", name);
      node.put("catalog_version", catalogVersion);
      node.put("date_released", dateReleased.toString());
      node.put("entries", entries);
      node.put("microsoft", microsoft);
      node.put("sha256", sha256);
      node.put("source", source);
      node.put("imported_at", importedAt.toString());
      Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
    }

    static KevManifest read(Path file) throws IOException {
      var node = JSON.readTree(file.toFile());
      return new KevManifest(node.path("name").asText(), node.path("catalog_version").asText(),
          Instant.parse(node.path("date_released").asText()), node.path("entries").asInt(), node.path("microsoft").asLong(),
          node.path("sha256").asText(), node.path("source").asText(), Instant.parse(node.path("imported_at").asText()));
    }
  }
}

package org.patchlake.etl.kev;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The KEV catalog's place in the warehouse: {@code WH/kev/k-<yyyyMMddHHmmssSSS>/} holds one import (table
 * {@code kev/} as Parquet and {@code _KEV.json} with its version), {@code WH/kev/CURRENT} names the current one and is
 * switched atomically. The ETL copies the current import into every snapshot it publishes, so a newer file changes
 * the known-exploited flags of the next snapshot and re-evaluates nothing.
 */
public final class KevStore {
  public static final String TABLE = "kev";
  public static final String MANIFEST = "_KEV.json";
  private static final String CURRENT = "CURRENT";
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;

  public KevStore(Path warehouse) {
    this.directory = requireNonNull(warehouse, "warehouse is null").resolve("kev");
  }

  /** The current import's directory, or empty when no KEV catalog was imported. */
  public Optional<Path> currentDirectory() throws IOException {
    try {
      String name = Files.readString(directory.resolve(CURRENT), StandardCharsets.UTF_8).trim();
      Path current = directory.resolve(name);
      if (name.isEmpty() || !Files.isDirectory(current)) {
        throw new IOException(directory.resolve(CURRENT) + " names '" + name + "', which is not an import directory");
      }
      return Optional.of(current);
    } catch (NoSuchFileException none) {
      return Optional.empty();
    }
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
    Files.createDirectories(directory);
    String name = uniqueName(importedAt);
    Path target = directory.resolve(name);
    Path building = directory.resolve("." + name + ".building");
    try {
      Files.createDirectories(building.resolve(TABLE));
      writeParquet(file, building.resolve(TABLE).resolve("part-00000.parquet"));
      KevManifest manifest = new KevManifest(name, file.catalogVersion(), file.dateReleased(), file.entries().size(),
          file.microsoftCount(), sha256, source, importedAt);
      manifest.write(building.resolve(MANIFEST));
      Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
      switchTo(name);
      return manifest;
    } finally {
      deleteTree(building);
    }
  }

  private String uniqueName(Instant importedAt) {
    String name = "k-" + NAME.format(importedAt);
    while (Files.exists(directory.resolve(name))) {
      name = name + "1";
    }
    return name;
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
      statement.execute("COPY (SELECT * FROM kev ORDER BY cve) TO '" + parquet.toAbsolutePath().toString().replace("'", "''")
          + "' (FORMAT parquet)");
    } catch (SQLException e) {
      throw new IOException("cannot write the KEV table " + parquet + ": " + e.getMessage(), e);
    }
  }

  private void switchTo(String name) throws IOException {
    Path temporary = directory.resolve(".CURRENT-" + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(temporary, name + "\n", StandardCharsets.UTF_8);
      Files.move(temporary, directory.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
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

package org.patchlake.etl.kev;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A small reference import in the warehouse ({@code WH/<kind>/<prefix>-<yyyyMMddHHmmssSSS>/}, named by
 * {@code WH/<kind>/CURRENT}): an import is built under a hidden name, renamed into place whole, and then made current
 * by an atomic rename of the pointer, so readers see the previous import or the new one, never part of one.
 */
final class ImportDirectory {
  private static final String CURRENT = "CURRENT";
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

  /** Writes the contents of a new import, named {@code name}, into the (empty) directory it is given. */
  interface Contents {
    void writeInto(Path directory, String name) throws IOException;
  }

  private final Path directory;
  private final String prefix;

  ImportDirectory(Path warehouse, String kind, String prefix) {
    this.directory = requireNonNull(warehouse, "warehouse is null").resolve(kind);
    this.prefix = requireNonNull(prefix, "prefix is null");
  }

  Optional<Path> current() throws IOException {
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

  /** Builds a new import with {@code contents} and makes it current; returns its directory. */
  Path publish(Instant importedAt, Contents contents) throws IOException {
    Files.createDirectories(directory);
    String name = prefix + "-" + NAME.format(importedAt);
    while (Files.exists(directory.resolve(name))) {
      name = name + "1";
    }
    Path target = directory.resolve(name);
    Path building = directory.resolve("." + name + ".building");
    try {
      Files.createDirectories(building);
      contents.writeInto(building, name);
      Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
      Path temporary = directory.resolve(".CURRENT-" + UUID.randomUUID() + ".tmp");
      try {
        Files.writeString(temporary, name + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, directory.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
      return target;
    } finally {
      deleteTree(building);
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
}

package org.patchlake.etl.warehouse;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * The warehouse layout: WH/catalog/CURRENT -> v-..., WH/CURRENT -> snapshots/s-..., pointers
 * switched by an atomic rename (java.nio ATOMIC_MOVE on local disks, FileContext rename with OVERWRITE elsewhere,
 * which is atomic on HDFS).
 */
public final class WarehouseLayout {
  public static final String CURRENT = "CURRENT";

  private final Configuration hadoop;
  private final String root;

  public WarehouseLayout(Configuration hadoop, String root) {
    this.hadoop = requireNonNull(hadoop, "hadoop is null");
    this.root = requireNonNull(root, "root is null");
  }

  public String root() {
    return root;
  }

  public Configuration hadoop() {
    return hadoop;
  }

  public String path(String relative) {
    return new Path(new Path(root), relative).toString();
  }

  public String snapshotsDir() {
    return path("snapshots");
  }

  public String snapshotDir(String name) {
    return path("snapshots/" + name);
  }

  /** Name of the published snapshot ("s-20261121100000123"), if any. */
  public Optional<String> currentSnapshot() {
    return readPointer(path(CURRENT));
  }

  /** Path of the current catalog version directory; the catalog must have been imported. */
  public String currentCatalogDir() {
    String pointer = path("catalog/" + CURRENT);
    String version = readPointer(pointer).orElseThrow(() -> new IllegalStateException(
        "no catalog in warehouse " + root + " (" + pointer + " missing): run ./patchlake catalog import first"));
    return path("catalog/" + version);
  }

  /**
   * The current import of a reference table ({@code WH/kev/CURRENT} for CISA's KEV catalog, {@code WH/epss/CURRENT}
   * for EPSS scores), or empty when none was imported.
   */
  public Optional<String> currentReferenceDir(String kind) {
    return readPointer(path(kind + "/" + CURRENT)).map(name -> path(kind + "/" + name));
  }

  public Optional<String> readPointer(String file) {
    Path path = new Path(file);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      if (!fs.exists(path)) return Optional.empty();
      try (InputStream in = fs.open(path)) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pointer " + file, e);
    }
  }

  /** Writes {@code name} into {@code file} through a temporary file and an atomic rename. */
  public void switchPointer(String file, String name) {
    writeAtomically(file, (name + "\n").getBytes(StandardCharsets.UTF_8));
  }

  public void writeAtomically(String file, byte[] content) {
    Path target = new Path(file);
    Path temp = new Path(target.getParent(), "." + target.getName() + ".tmp-" + System.nanoTime());
    try {
      FileSystem fs = target.getFileSystem(hadoop);
      try (OutputStream out = fs.create(temp, true)) {
        out.write(content);
        if (out instanceof org.apache.hadoop.fs.Syncable syncable) syncable.hsync();
      }
      URI uri = fs.getUri();
      if ("file".equals(uri.getScheme())) {
        java.nio.file.Path localTemp = java.nio.file.Path.of(fs.makeQualified(temp).toUri());
        java.nio.file.Path localTarget = java.nio.file.Path.of(fs.makeQualified(target).toUri());
        Files.deleteIfExists(localTemp.resolveSibling("." + localTemp.getFileName() + ".crc"));
        Files.move(localTemp, localTarget, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        FileContext.getFileContext(uri, hadoop).rename(temp, target, Options.Rename.OVERWRITE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot switch " + file, e);
    }
  }

  public String readText(String file) {
    Path path = new Path(file);
    try (InputStream in = path.getFileSystem(hadoop).open(path); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}

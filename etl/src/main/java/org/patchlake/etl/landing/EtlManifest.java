package org.patchlake.etl.landing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The landing files already folded into a published snapshot: {@code _etl-manifest.json} inside the snapshot, written
 * before its {@code _SNAPSHOT.json}, so it is published by the same atomic switch of CURRENT as the tables it describes.
 * (It was WH/etl-manifest.json, written after the switch: a run killed between the two made the next run read its files
 * again, and their quarantined lines, which no message id deduplicates, were quarantined twice.) A snapshot of that older
 * layout is read with WH/etl-manifest.json.
 */
public record EtlManifest(List<String> files, String snapshot) {
  /** The older layout's manifest beside CURRENT. */
  public static final String FILE = "etl-manifest.json";
  /** The manifest inside a snapshot. */
  public static final String IN_SNAPSHOT = "_etl-manifest.json";

  public EtlManifest {
    files = List.copyOf(requireNonNull(files, "files is null"));
  }

  public Set<String> fileSet() {
    return new LinkedHashSet<>(files);
  }

  /** The manifest of the published snapshot in {@code snapshotDirectory} (null: none published yet). */
  public static EtlManifest read(Configuration hadoop, String warehouse, String snapshotDirectory) {
    if (snapshotDirectory != null) {
      Path inSnapshot = new Path(snapshotDirectory, IN_SNAPSHOT);
      try {
        if (inSnapshot.getFileSystem(hadoop).exists(inSnapshot)) return read(hadoop, inSnapshot);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read ETL manifest " + inSnapshot, e);
      }
    }
    return read(hadoop, new Path(warehouse, FILE));
  }

  private static EtlManifest read(Configuration hadoop, Path path) {
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      if (!fs.exists(path)) return new EtlManifest(List.of(), null);
      try (InputStream in = fs.open(path)) {
        JsonNode root = new ObjectMapper().readTree(in);
        List<String> files = new ArrayList<>();
        root.path("files").forEach(file -> files.add(file.asText()));
        JsonNode snapshot = root.get("snapshot");
        return new EtlManifest(files, snapshot == null || snapshot.isNull() ? null : snapshot.asText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ETL manifest " + path, e);
    }
  }

  /** Writes the manifest into the snapshot directory being built (before its marker). */
  public void writeInto(Configuration hadoop, String snapshotDirectory) {
    Path path = new Path(snapshotDirectory, IN_SNAPSHOT);
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("snapshot", snapshot);
    ArrayNode list = root.putArray("files");
    files.forEach(list::add);
    try (OutputStream out = path.getFileSystem(hadoop).create(path, true)) {
      json.writerWithDefaultPrettyPrinter().writeValue(out, root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write ETL manifest " + path, e);
    }
  }
}

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
 * WH/etl-manifest.json: the landing files already folded into a published snapshot. Written only after the
 * snapshot pointer moved, with write-to-temp and rename. If a run dies between the two, the next run reads the
 * files again and message-id deduplication drops what the snapshot already holds.
 */
public record EtlManifest(List<String> files, String snapshot) {
  public static final String FILE = "etl-manifest.json";

  public EtlManifest {
    files = List.copyOf(requireNonNull(files, "files is null"));
  }

  public Set<String> fileSet() {
    return new LinkedHashSet<>(files);
  }

  public static EtlManifest read(Configuration hadoop, String warehouse) {
    Path path = new Path(warehouse, FILE);
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

  public void write(Configuration hadoop, String warehouse) {
    Path path = new Path(warehouse, FILE);
    Path temp = new Path(warehouse, "." + FILE + ".tmp");
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("snapshot", snapshot);
    ArrayNode list = root.putArray("files");
    files.forEach(list::add);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      try (OutputStream out = fs.create(temp, true)) {
        json.writerWithDefaultPrettyPrinter().writeValue(out, root);
      }
      if (!fs.rename(temp, path)) {
        fs.delete(path, false);
        if (!fs.rename(temp, path)) throw new IOException("rename " + temp + " -> " + path + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write ETL manifest " + path, e);
    }
  }
}

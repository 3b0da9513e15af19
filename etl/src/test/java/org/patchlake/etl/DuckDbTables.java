package org.patchlake.etl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A snapshot table directory as a DuckDB relation by the snapshot contract's rule, written here independently of the
 * ETL's Spark reader (LayeredTables.read) so that a test compares the two: a directory with _LAYERS is base rows whose
 * computer_id is not in replaced plus delta; any other directory is its Parquet files plus its sub-directories.
 */
final class DuckDbTables {
  private DuckDbTables() {}

  static String relation(Path dir) {
    if (Files.exists(dir.resolve("_LAYERS"))) {
      String base = hasParquet(dir.resolve("base")) ? "SELECT * FROM " + parquet(dir.resolve("base")) : null;
      if (base != null && hasParquet(dir.resolve("replaced"))) {
        base = "SELECT b.* FROM " + parquet(dir.resolve("base")) + " b ANTI JOIN " + parquet(dir.resolve("replaced"))
            + " r USING (computer_id)";
      }
      String delta = hasParquet(dir.resolve("delta")) ? "SELECT * FROM " + parquet(dir.resolve("delta")) : null;
      return union(java.util.Arrays.asList(base, delta));
    }
    List<String> parts = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      List<Path> sorted = entries.sorted().toList();
      if (sorted.stream().anyMatch(DuckDbTables::isDataFile)) {
        parts.add("SELECT * FROM read_parquet('" + dir + "/*.parquet')");
      }
      for (Path entry : sorted) {
        String name = entry.getFileName().toString();
        if (Files.isDirectory(entry) && !name.startsWith("_") && !name.startsWith(".") && hasParquet(entry)) {
          parts.add("SELECT * FROM " + relation(entry));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return union(parts);
  }

  private static String union(List<String> parts) {
    List<String> present = parts.stream().filter(java.util.Objects::nonNull).toList();
    if (present.isEmpty()) throw new IllegalStateException("no rows in a table directory");
    return "(" + String.join(" UNION ALL BY NAME ", present) + ")";
  }

  private static String parquet(Path dir) {
    return "read_parquet('" + dir + "/**/*.parquet')";
  }

  private static boolean isDataFile(Path path) {
    String name = path.getFileName().toString();
    return Files.isRegularFile(path) && name.endsWith(".parquet") && !name.startsWith(".");
  }

  private static boolean hasParquet(Path dir) {
    if (!Files.isDirectory(dir)) return false;
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(DuckDbTables::isDataFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

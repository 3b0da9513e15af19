package org.patchlake.etl.kev;

import java.nio.file.Path;

/** A file path as a DuckDB string literal's content (DuckDB cannot bind parameters in COPY). */
final class Parquet {
  private Parquet() {
  }

  static String quoted(Path file) {
    return file.toAbsolutePath().toString().replace("'", "''");
  }
}

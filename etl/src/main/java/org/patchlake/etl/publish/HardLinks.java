package org.patchlake.etl.publish;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;

/**
 * Carries a directory of an earlier snapshot into a new one: hard links on a local disk (instant, no space; deleting
 * the old snapshot removes its names, not the files), a copy on other file systems. Used for segments
 * (SegmentedTables) and layered bases (LayeredTables).
 */
final class HardLinks {
  private HardLinks() {}

  /** Every regular file below {@code from}, at the same relative path below {@code to}. */
  static void link(FileSystem fs, Configuration hadoop, Path from, Path to) throws IOException {
    if ("file".equals(fs.getUri().getScheme())) {
      java.nio.file.Path source = java.nio.file.Path.of(fs.makeQualified(from).toUri());
      java.nio.file.Path target = java.nio.file.Path.of(fs.makeQualified(to).toUri());
      Files.createDirectories(target);
      try (var files = Files.walk(source)) {
        for (java.nio.file.Path file : files.filter(Files::isRegularFile).toList()) {
          java.nio.file.Path link = target.resolve(source.relativize(file));
          Files.createDirectories(link.getParent());
          Files.createLink(link, file);
        }
      }
    } else {
      FileUtil.copy(fs, from, fs, to, false, hadoop);
    }
  }
}

package org.patchlake.etl.landing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists complete landing files: {@code <landing>/<kind>/dt=YYYY-MM-DD/*.jsonl.gz}. The {@code _incoming} folder
 * (files still being written) and anything else not in that shape are ignored.
 */
public final class LandingFiles {
  private LandingFiles() {}

  /** Paths relative to the landing root ("inventory/dt=2026-11-21/node1-000007.jsonl.gz"), sorted. */
  public static List<String> list(Configuration hadoop, String landing) {
    Path root = new Path(landing);
    List<String> out = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(hadoop);
      if (!fs.exists(root)) return out;
      for (String kind : LandingLineParser.KINDS.stream().sorted().toList()) {
        Path kindDir = new Path(root, kind);
        if (!fs.exists(kindDir)) continue;
        for (FileStatus day : fs.listStatus(kindDir)) {
          if (!day.isDirectory() || !day.getPath().getName().startsWith("dt=")) continue;
          for (FileStatus file : fs.listStatus(day.getPath())) {
            String name = file.getPath().getName();
            if (file.isFile() && name.endsWith(".jsonl.gz") && !name.startsWith(".") && !name.startsWith("_")) {
              out.add(kind + "/" + day.getPath().getName() + "/" + name);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list landing files under " + landing, e);
    }
    out.sort(null);
    return out;
  }

  /** The files of {@code all} not yet in {@code processed}. */
  public static List<String> newFiles(List<String> all, Set<String> processed) {
    return all.stream().filter(file -> !processed.contains(file)).toList();
  }
}

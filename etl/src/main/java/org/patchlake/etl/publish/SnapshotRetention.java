package org.patchlake.etl.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.patchlake.etl.warehouse.WarehouseLayout;

/**
 * Prunes old snapshots: keeps the newest {@code keep} published ones (at least 2, so a reader that read CURRENT
 * just before the switch can still open the previous one) and always the current one. Directories without
 * _SNAPSHOT.json are runs that died; they are removed unless they are the run in progress.
 */
public final class SnapshotRetention {
  private SnapshotRetention() {}

  public static List<String> prune(WarehouseLayout warehouse, int keep, String inProgress) {
    if (keep < 2) throw new IllegalArgumentException("keep must be >= 2: " + keep);
    String current = warehouse.currentSnapshot().orElse("");
    Path root = new Path(warehouse.snapshotsDir());
    List<String> removed = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(warehouse.hadoop());
      if (!fs.exists(root)) return removed;
      FileStatus[] dirs = fs.listStatus(root, path -> path.getName().startsWith("s-"));
      Arrays.sort(dirs, (a, b) -> b.getPath().getName().compareTo(a.getPath().getName()));
      int published = 0;
      for (FileStatus dir : dirs) {
        String name = dir.getPath().getName();
        if (name.equals(current) || name.equals(inProgress)) {
          if (name.equals(current)) published++;
          continue;
        }
        boolean complete = fs.exists(new Path(dir.getPath(), SnapshotPublisher.MARKER));
        if (complete && published < keep) {
          published++;
          continue;
        }
        if (complete || name.compareTo(current) < 0) {
          fs.delete(dir.getPath(), true);
          removed.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prune snapshots under " + root, e);
    }
    return removed;
  }
}

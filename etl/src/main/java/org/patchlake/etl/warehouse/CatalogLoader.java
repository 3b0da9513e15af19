package org.patchlake.etl.warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.patchlake.core.catalog.CumulativeRole;
import org.patchlake.etl.transform.CatalogIndex;
import org.patchlake.etl.transform.CatalogIndex.CatalogUpdate;
import org.patchlake.etl.transform.Rows;

/**
 * Loads the updates table and the cumulative packages (update_cumulative, absent in catalog versions imported before
 * it existed) of the current catalog version (through Spark, so HDFS/S3 work) for the evaluation.
 */
public final class CatalogLoader {
  private CatalogLoader() {}

  public static CatalogIndex load(SparkSession spark, WarehouseLayout warehouse) {
    String dir = warehouse.currentCatalogDir();
    List<CumulativeRole> cumulative = new ArrayList<>();
    if (exists(warehouse, dir + "/update_cumulative")) {
      for (Row row : spark.read().parquet(dir + "/update_cumulative").select("kb", "product", "kind", "scope", "reason")
          .collectAsList()) {
        cumulative.add(new CumulativeRole(row.getString(0), row.getString(1), CumulativeRole.Kind.fromCode(row.getString(2)),
            CumulativeRole.Scope.fromCode(row.getString(3)), row.getString(4)));
      }
    }
    List<CatalogUpdate> updates = new ArrayList<>();
    for (Row row : spark.read().parquet(dir + "/updates").select("kb", "bulletin_id", "product", "component",
        "severity", "impact", "released", "exploited", "restart_behaviour", "supersedes").collectAsList()) {
      updates.add(new CatalogUpdate(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
          row.getString(4), row.getString(5), row.<LocalDate>getAs(6), !row.isNullAt(7) && row.getBoolean(7),
          row.getString(8), Rows.<String>list(row, "supersedes")));
    }
    return new CatalogIndex(new Path(dir).getName(), updates, cumulative);
  }

  private static boolean exists(WarehouseLayout warehouse, String directory) {
    Path path = new Path(directory);
    try {
      return path.getFileSystem(warehouse.hadoop()).exists(path);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot look for " + directory + ": " + e.getMessage(), e);
    }
  }
}

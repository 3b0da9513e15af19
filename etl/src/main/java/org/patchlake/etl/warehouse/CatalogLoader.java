package org.patchlake.etl.warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.patchlake.etl.transform.CatalogIndex;
import org.patchlake.etl.transform.CatalogIndex.CatalogUpdate;
import org.patchlake.etl.transform.Rows;

/** Loads the updates table of the current catalog version (through Spark, so HDFS/S3 work) for the evaluation. */
public final class CatalogLoader {
  private CatalogLoader() {}

  public static CatalogIndex load(SparkSession spark, Warehouse warehouse) {
    String dir = warehouse.currentCatalogDir();
    List<CatalogUpdate> updates = new ArrayList<>();
    for (Row row : spark.read().parquet(dir + "/updates").select("kb", "bulletin_id", "product", "component",
        "severity", "impact", "released", "exploited", "restart_behaviour", "supersedes").collectAsList()) {
      updates.add(new CatalogUpdate(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
          row.getString(4), row.getString(5), row.<LocalDate>getAs(6), !row.isNullAt(7) && row.getBoolean(7),
          row.getString(8), Rows.<String>list(row, "supersedes")));
    }
    return new CatalogIndex(new Path(dir).getName(), updates);
  }
}

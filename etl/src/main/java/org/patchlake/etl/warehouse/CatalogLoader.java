package org.patchlake.etl.warehouse;

import java.util.Iterator;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.patchlake.etl.transform.CatalogIndex;

/** Loads the current catalog version (updates and the supersedence closure) into a {@link CatalogIndex}. */
public final class CatalogLoader {
  private CatalogLoader() {}

  public static CatalogIndex load(SparkSession spark, Warehouse warehouse) {
    String dir = warehouse.currentCatalogDir();
    String version = new Path(dir).getName();
    CatalogIndex.Builder builder = new CatalogIndex.Builder();
    Iterator<Row> updates = spark.read().parquet(dir + "/updates")
        .select("update_id", "kb", "bulletin_id", "product").collectAsList().iterator();
    updates.forEachRemaining(row -> builder.update(row.getString(0), row.getString(1), row.getString(2),
        row.getString(3)));
    Iterator<Row> closure = spark.read().parquet(dir + "/update_supersedence")
        .select("kb", "product", "superseded_by_kb").collectAsList().iterator();
    closure.forEachRemaining(row -> builder.supersededBy(row.getString(0), row.getString(1), row.getString(2)));
    return builder.build(version);
  }
}

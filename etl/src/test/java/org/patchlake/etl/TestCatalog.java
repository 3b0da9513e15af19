package org.patchlake.etl;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.patchlake.etl.transform.Rows;

/**
 * A hand-written catalog written in the warehouse catalog layout (WH/catalog/v-.../ + CURRENT), so
 * ETL tests do not depend on the importer. The closure (update_supersedence) is written for direct pairs only;
 * the ETL computes the closure with core's Catalog from the direct supersedes.
 */
public final class TestCatalog {
  private record Entry(String kb, String product, LocalDate released, List<String> supersedes) {}

  static final LocalDate RELEASED = LocalDate.of(2026, 10, 14);

  private final Map<String, Entry> updates = new LinkedHashMap<>();
  private final List<Row> cumulative = new ArrayList<>();

  /** An update (KB x product) released 2026-10-14, its bulletin being the KB, with the KBs it directly supersedes. */
  public TestCatalog update(String kb, String product, String... supersedes) {
    return update(kb, product, RELEASED, supersedes);
  }

  /** An update released on {@code released}. */
  public TestCatalog update(String kb, String product, LocalDate released, String... supersedes) {
    updates.put(kb + "|" + product, new Entry(kb, product, released, List.of(supersedes)));
    return this;
  }

  /**
   * A cumulative package of its OS product's servicing stream (update_cumulative, as the import derives it): it covers
   * every earlier update of the stream, whatever the published supersedence says.
   */
  public TestCatalog cumulative(String kb, String product) {
    cumulative.add(RowFactory.create(kb, product, "cumulative", "os_stream", "monthly cumulative update of " + product));
    return this;
  }

  public void write(SparkSession spark, Path warehouse, String version) {
    String dir = warehouse.resolve("catalog").resolve(version).toString();
    List<Row> updateRows = new ArrayList<>();
    List<Row> closure = new ArrayList<>();
    Map<String, Row> bulletins = new LinkedHashMap<>();
    Map<String, Integer> products = new LinkedHashMap<>();
    for (Entry entry : updates.values()) {
      updateRows.add(RowFactory.create(entry.kb() + "|" + entry.product(), entry.kb(), entry.kb(), entry.product(),
          "Windows", "Critical", "Remote Code Execution", entry.released(), false, "may_require",
          Rows.seq(entry.supersedes())));
      entry.supersedes().forEach(old -> closure.add(RowFactory.create(old, entry.product(), entry.kb())));
      bulletins.put(entry.kb(), RowFactory.create(entry.kb(), "Security update " + entry.kb(), "Critical",
          "Remote Code Execution", entry.released(), null, 1, false, false, 1));
      products.merge(entry.product(), 1, Integer::sum);
    }
    spark.createDataFrame(updateRows, UPDATES).write().parquet(dir + "/updates");
    spark.createDataFrame(closure, SUPERSEDENCE).write().parquet(dir + "/update_supersedence");
    spark.createDataFrame(new ArrayList<>(bulletins.values()), BULLETINS).write().parquet(dir + "/bulletins");
    spark.createDataFrame(products.entrySet().stream().map(e -> RowFactory.create(e.getKey(), e.getValue())).toList(),
        new StructType().add("product", StringType).add("update_count", IntegerType)).write().parquet(dir + "/products");
    spark.createDataFrame(List.of(), new StructType().add("kb", StringType).add("product", StringType)
        .add("cve", StringType)).write().parquet(dir + "/update_cves");
    spark.createDataFrame(List.of(), new StructType().add("source_file", StringType).add("line", LongType)
        .add("kind", StringType).add("message", StringType).add("raw", StringType)).write().parquet(dir + "/catalog_errors");
    if (!cumulative.isEmpty()) {
      spark.createDataFrame(cumulative, org.patchlake.etl.catalog.CatalogTables.UPDATE_CUMULATIVE_SCHEMA)
          .write().parquet(dir + "/update_cumulative");
    }
    try {
      Files.writeString(warehouse.resolve("catalog").resolve("CURRENT"), version + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final StructType UPDATES = new StructType().add("update_id", StringType).add("kb", StringType)
      .add("bulletin_id", StringType).add("product", StringType).add("component", StringType)
      .add("severity", StringType).add("impact", StringType).add("released", DateType).add("exploited", BooleanType)
      .add("restart_behaviour", StringType).add("supersedes", createArrayType(StringType));
  static final StructType SUPERSEDENCE = new StructType().add("kb", StringType).add("product", StringType)
      .add("superseded_by_kb", StringType);
  static final StructType BULLETINS = new StructType().add("bulletin_id", StringType).add("title", StringType)
      .add("vendor_severity", StringType).add("impact", StringType).add("released", DateType)
      .add("revised", DateType).add("cve_count", IntegerType).add("exploited", BooleanType)
      .add("superseded", BooleanType).add("update_count", IntegerType);
}

package org.patchlake.etl;

import org.apache.spark.sql.SparkSession;
import org.patchlake.etl.spark.SparkSessions;

/** The local Spark session of a test class (one per class), from the one session factory. */
public final class TestSpark {
  private TestSpark() {}

  public static SparkSession start() {
    return SparkSessions.forTests("patchlake-etl-test");
  }
}

package org.patchlake.etl.spark;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.SparkSession;

/**
 * The one factory of Patchlake's Spark sessions (catalog import, ETL, benches, tests): {@code local[*]} unless a
 * master is given ({@code spark://}, {@code yarn}, {@code k8s://}) or spark-submit set one, driver bound to
 * 127.0.0.1 for local masters, UI off, UTC, java.time values, Parquet TIMESTAMP (micros), adaptive execution
 * (shuffle partitions coalesced to the data), quiet logs.
 */
public final class SparkSessions {
    public static final String DEFAULT_MASTER = "local[*]";
    public static final int DEFAULT_SHUFFLE_PARTITIONS = 8;

    private SparkSessions() {
    }

    /** A session for a command: {@code master} as given by {@code --master}; null: spark-submit's, else local[*]. */
    public static SparkSession create(String appName, String master) {
        return create(appName, master, DEFAULT_SHUFFLE_PARTITIONS, null);
    }

    /** A session for tests: {@code local[2]}, 4 shuffle partitions (STYLE and BRIEF). */
    public static SparkSession forTests(String appName) {
        return create(appName, "local[2]", 4, null);
    }

    /**
     * @param master            null: the master spark-submit passes (system property spark.master), else local[*]
     * @param shufflePartitions spark.sql.shuffle.partitions (an upper bound: adaptive execution coalesces)
     * @param jars              spark.jars (the shaded job jar for a cluster without spark-submit), or null
     */
    public static SparkSession create(String appName, String master, int shufflePartitions, String jars) {
        requireNonNull(appName, "appName is null");
        String effective = master != null ? master : System.getProperty("spark.master", DEFAULT_MASTER);
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .master(effective)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.sql.adaptive.coalescePartitions.enabled", "true")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                .config("spark.sql.parquet.compression.codec", "snappy")
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic");
        if (jars != null) {
            builder.config("spark.jars", jars);
        }
        if (effective.startsWith("local")) {
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession session = builder.getOrCreate();
        session.sparkContext().setLogLevel("WARN");
        return session;
    }
}

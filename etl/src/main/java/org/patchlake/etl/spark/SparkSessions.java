package org.patchlake.etl.spark;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark sessions of Patchlake's jobs: {@code local[*]} unless a master is given ({@code spark://},
 * {@code yarn}, {@code k8s://}), driver bound to 127.0.0.1 for local masters, UI off, few shuffle partitions,
 * quiet logs. One factory so the catalog import, the ETL and the tests start Spark the same way.
 */
public final class SparkSessions {
    public static final String DEFAULT_MASTER = "local[*]";

    private SparkSessions() {
    }

    /** A session for a command: {@code master} as given by {@code --master}, or {@link #DEFAULT_MASTER} when null. */
    public static SparkSession create(String appName, String master) {
        return create(appName, master == null ? DEFAULT_MASTER : master, 8);
    }

    /** A session for tests: {@code local[2]}, 4 shuffle partitions (STYLE and BRIEF). */
    public static SparkSession forTests(String appName) {
        return create(appName, "local[2]", 4);
    }

    public static SparkSession create(String appName, String master, int shufflePartitions) {
        requireNonNull(appName, "appName is null");
        requireNonNull(master, "master is null");
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.parquet.compression.codec", "snappy")
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic");
        if (master.startsWith("local")) {
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession session = builder.getOrCreate();
        session.sparkContext().setLogLevel("WARN");
        return session;
    }

    /**
     * The value of {@code --master VALUE} (or {@code --master=VALUE}) in {@code args}, else null. Commands pass it
     * to {@link #create(String, String)}.
     */
    public static String masterOption(List<String> args) {
        for (int index = 0; index < args.size(); index++) {
            String arg = args.get(index);
            if (arg.equals("--master")) {
                if (index + 1 >= args.size()) {
                    throw new IllegalArgumentException("--master needs a value (local[*], spark://host:port, yarn, k8s://...)");
                }
                return args.get(index + 1);
            }
            if (arg.startsWith("--master=")) {
                return arg.substring("--master=".length());
            }
        }
        return null;
    }
}

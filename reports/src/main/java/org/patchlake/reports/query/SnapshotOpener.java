package org.patchlake.reports.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;

/**
 * Opens a snapshot directory in a fresh in-memory DuckDB: one view per contract table over
 * {@code <table>/**}{@code /*.parquet} (Spark's part files; {@code _SUCCESS} and {@code .crc} files are not
 * matched). A table the snapshot lacks becomes an empty table of the contract shape. Timestamp-with-time-zone
 * columns (Spark writes UTC-adjusted timestamps) are exposed as plain UTC timestamps so every query compares
 * like with like. View names come from the fixed table list, paths from the file system (quotes escaped);
 * DuckDB cannot bind parameters in DDL.
 */
final class SnapshotOpener {
    private final SnapshotSchema schema;
    private final int threads;

    SnapshotOpener(SnapshotSchema schema, int threads) {
        this.schema = schema;
        this.threads = threads;
    }

    DuckDBConnection open(SnapshotInfo info) {
        try {
            DuckDBConnection database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = database.createStatement()) {
                statement.execute("SET threads = " + threads);
                statement.execute("SET TimeZone = 'UTC'");
                for (String table : schema.tables()) {
                    createView(statement, table, info.directory().resolve(table));
                }
                statement.execute(schema.referenceTables());
            } catch (SQLException | RuntimeException e) {
                database.close();
                throw e;
            }
            return database;
        } catch (SQLException e) {
            throw new QueryException("cannot open snapshot " + info.id() + " at " + info.directory() + ": " + e.getMessage(), e);
        }
    }

    private void createView(Statement statement, String table, Path directory) throws SQLException {
        if (!hasParquet(directory)) {
            statement.execute(schema.createStatement(table));
            return;
        }
        String glob = directory.toAbsolutePath().toString().replace("'", "''") + "/**/*.parquet";
        String source = "read_parquet('" + glob + "', union_by_name = true)";
        List<String> replacements = new ArrayList<>();
        try (ResultSet columns = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (columns.next()) {
                if (columns.getString("column_type").equals("TIMESTAMP WITH TIME ZONE")) {
                    String column = '"' + columns.getString("column_name").replace("\"", "\"\"") + '"';
                    replacements.add("CAST(" + column + " AS TIMESTAMP) AS " + column);
                }
            }
        }
        String select = replacements.isEmpty() ? "*" : "* REPLACE (" + String.join(", ", replacements) + ")";
        statement.execute("CREATE VIEW " + table + " AS SELECT " + select + " FROM " + source);
    }

    private static boolean hasParquet(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(p));
        } catch (IOException e) {
            throw new QueryException("cannot list snapshot table directory " + directory + ": " + e.getMessage(), e);
        }
    }
}

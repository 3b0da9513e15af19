package org.patchlake.reports.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies one snapshot's Parquet tables into a DuckDB database (snapshot_load.sql): each table is first exposed
 * as a view {@code src.<table>} over {@code <table>/**}{@code /*.parquet} (Spark's part files; {@code _SUCCESS}
 * and {@code .crc} files are not matched), or as an empty table of the contract shape when the snapshot lacks
 * it. Timestamp-with-time-zone columns (Spark writes UTC-adjusted timestamps) become plain UTC timestamps so
 * every query compares like with like. View names come from the fixed table list, paths from the file system
 * (quotes escaped): DuckDB cannot bind parameters in DDL.
 */
final class SnapshotLoader {
    private final SnapshotSchema schema;

    SnapshotLoader(SnapshotSchema schema) {
        this.schema = schema;
    }

    void load(Statement statement, SnapshotInfo info) throws SQLException {
        statement.execute("CREATE SCHEMA src");
        for (String table : schema.tables()) {
            createSource(statement, table, info.directory().resolve(table));
        }
        statement.execute(SnapshotSchema.snapshotInfoStatement(info.dataAsOf()));
        for (String load : schema.loadStatements()) {
            statement.execute(load);
        }
        statement.execute(schema.referenceTables());
        statement.execute("DROP SCHEMA src CASCADE");
    }

    private void createSource(Statement statement, String table, Path directory) throws SQLException {
        if (!hasParquet(directory)) {
            statement.execute(schema.createStatement(table).replaceFirst("(?i)CREATE TABLE ", "CREATE TABLE src."));
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
        statement.execute("CREATE VIEW src." + table + " AS SELECT " + select + " FROM " + source);
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

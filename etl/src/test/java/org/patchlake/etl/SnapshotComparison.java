package org.patchlake.etl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Two published snapshots compared table by table as multisets of rows, each table read by the snapshot contract's rule
 * ({@link DuckDbTables}: layered directories by the layered rule, segments together), in DuckDB: equal contents,
 * whatever the files, their names, their order and the layering. The ETL's own work lists ({@code _changed_computers})
 * are not contract tables and are not compared.
 */
public final class SnapshotComparison {
    private SnapshotComparison() {
    }

    /** The tables whose rows differ (with a row found on one side only), empty when the snapshots hold the same rows. */
    public static List<String> differences(Path expectedData, Path actualData) {
        Path expected = snapshot(expectedData);
        Path actual = snapshot(actualData);
        List<String> tables = tables(expected);
        List<String> differences = new ArrayList<>();
        if (!tables.equals(tables(actual))) {
            differences.add("tables " + tables + " but " + tables(actual));
            return differences;
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            for (String table : tables) {
                String want = DuckDbTables.relation(expected.resolve(table));
                String got = DuckDbTables.relation(actual.resolve(table));
                String columns = columns(statement, want);
                String missing = firstRow(statement, "SELECT " + columns + " FROM " + want + " EXCEPT ALL SELECT " + columns + " FROM " + got);
                String extra = firstRow(statement, "SELECT " + columns + " FROM " + got + " EXCEPT ALL SELECT " + columns + " FROM " + want);
                if (missing != null || extra != null) {
                    differences.add(table + ": " + (missing != null ? "missing " + missing : "") + (extra != null ? " extra " + extra : ""));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compare " + expected + " with " + actual + ": " + e.getMessage(), e);
        }
        return differences;
    }

    /** The relation's columns in name order, quoted, so both sides line up whatever order their files hold them in. */
    private static String columns(Statement statement, String relation) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return String.join(", ", names.stream().sorted().map(name -> '"' + name + '"').toList());
    }

    private static String firstRow(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query + " LIMIT 1")) {
            if (!rows.next()) {
                return null;
            }
            StringBuilder row = new StringBuilder("[");
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                row.append(i == 1 ? "" : ", ").append(rows.getString(i));
            }
            return row.append(']').toString();
        }
    }

    private static Path snapshot(Path data) {
        try {
            String current = Files.readString(data.resolve("warehouse/CURRENT")).trim();
            return data.resolve("warehouse/snapshots").resolve(current);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> tables(Path snapshot) {
        try (Stream<Path> entries = Files.list(snapshot)) {
            return entries.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .filter(name -> !name.startsWith("_") && !name.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

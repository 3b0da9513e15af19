package org.patchlake.etl.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.patchlake.etl.EtlRunner;

/**
 * Two published snapshots compared table by table as multisets of rows, each table read as readers read it (layered
 * directories by the layered rule, segments together): equal contents, whatever the files, their names and their order.
 * The ETL's own work lists ({@code _changed_computers}) are not contract tables and are not compared.
 */
final class SnapshotComparison {
    private SnapshotComparison() {
    }

    /** The tables whose rows differ (with the first difference), empty when the snapshots hold the same rows. */
    static List<String> differences(SparkSession spark, Path expectedData, Path actualData) {
        EtlRunner expected = new EtlRunner(spark, expectedData);
        EtlRunner actual = new EtlRunner(spark, actualData);
        List<String> tables = tables(expectedData, expected.current());
        List<String> differences = new ArrayList<>();
        if (!tables.equals(tables(actualData, actual.current()))) {
            differences.add("tables " + tables + " but " + tables(actualData, actual.current()));
            return differences;
        }
        for (String table : tables) {
            List<String> want = rows(expected, table);
            List<String> got = rows(actual, table);
            if (!want.equals(got)) {
                int at = 0;
                while (at < Math.min(want.size(), got.size()) && want.get(at).equals(got.get(at))) {
                    at++;
                }
                differences.add(table + ": " + want.size() + " rows expected, " + got.size() + " found; first difference: expected "
                        + (at < want.size() ? want.get(at) : "no more rows") + ", found " + (at < got.size() ? got.get(at) : "no more rows"));
            }
        }
        return differences;
    }

    private static List<String> rows(EtlRunner runner, String table) {
        return runner.table(table).collectAsList().stream().map(SnapshotComparison::text).sorted().toList();
    }

    /** A row as text by its values (binary columns as hex, not the array's identity). */
    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return java.util.HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Row row) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < row.length(); i++) {
                out.append(i == 0 ? "" : ",").append(text(row.get(i)));
            }
            return out.append(']').toString();
        }
        if (value instanceof scala.collection.Iterable<?> items) {
            StringBuilder out = new StringBuilder("(");
            scala.collection.Iterator<?> iterator = items.iterator();
            while (iterator.hasNext()) {
                out.append(text(iterator.next())).append(iterator.hasNext() ? "," : "");
            }
            return out.append(')').toString();
        }
        return String.valueOf(value);
    }

    private static List<String> tables(Path data, String snapshot) {
        try (Stream<Path> entries = Files.list(data.resolve("warehouse/snapshots").resolve(snapshot))) {
            return entries.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .filter(name -> !name.startsWith("_") && !name.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}

package org.patchlake.reports.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The rows of one snapshot table directory as a DuckDB {@code FROM} clause item, by the snapshot contract:
 * <ul>
 * <li>A directory holding a file {@code _LAYERS} is <b>layered</b>: its rows are the Parquet rows of {@code base/}
 * whose {@code computer_id} is not in {@code replaced/}, plus every row of {@code delta/} ({@code delta/} and
 * {@code replaced/} may be missing or hold no Parquet file).</li>
 * <li>Any other directory: every {@code *.parquet} below it (Spark's part files, segments {@code L<n>-...}), except
 * that a layered sub-directory (such as {@code update_state_history/open}) is read by the layered rule.</li>
 * </ul>
 * Paths come from the file system (quotes escaped): DuckDB cannot bind parameters in a table function's file list.
 */
final class SnapshotTableSource {
    static final String LAYERS = "_LAYERS";

    private final Path directory;

    SnapshotTableSource(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /** True when the directory (or a layered part of it) holds at least one Parquet file. */
    boolean exists() {
        return Files.isDirectory(directory) && !parts(directory).isEmpty();
    }

    static boolean isLayered(Path directory) {
        return Files.isRegularFile(directory.resolve(LAYERS));
    }

    /** The table's rows: a parenthesised query. Call only when {@link #exists()}. */
    String rows() {
        return union(parts(directory, SnapshotTableSource::layered), "");
    }

    /**
     * The rows of the computers in {@code computerTable} (a table with a column {@code computer_id}). A layered
     * directory whose {@code replaced/} list holds every listed computer ({@code replacesAll}) is read from its
     * {@code delta/} alone (the base rows of a replaced computer do not count), which is what makes an incremental
     * load cheap; other directories and plain segments are read whole and filtered.
     */
    String rowsOf(String computerTable, Predicate<Path> replacesAll) {
        String filter = " WHERE computer_id IN (SELECT computer_id FROM " + computerTable + ")";
        Function<Path, String> layeredReader = layered -> {
            if (!replacesAll.test(layered)) {
                return layered(layered);
            }
            List<Path> delta = parquetFiles(layered.resolve("delta"));
            return delta.isEmpty() ? null : read(delta);
        };
        List<String> parts = parts(directory, layeredReader);
        if (parts.isEmpty()) {
            return "(SELECT * FROM " + rows() + " WHERE false)";
        }
        return union(parts, filter);
    }

    private static String union(List<String> parts, String filter) {
        if (parts.isEmpty()) {
            throw new IllegalStateException("no Parquet in the snapshot table directory");
        }
        return "(" + String.join(" UNION ALL BY NAME ", parts.stream().map(p -> "SELECT * FROM " + p + filter).toList()) + ")";
    }

    /** The layered directories of this table (itself, or its layered sub-directories). */
    List<Path> layeredDirectories() {
        if (isLayered(directory)) {
            return List.of(directory);
        }
        List<Path> layered = new ArrayList<>();
        try (Stream<Path> children = Files.isDirectory(directory) ? Files.list(directory) : Stream.empty()) {
            children.filter(Files::isDirectory).filter(SnapshotTableSource::isLayered).sorted().forEach(layered::add);
        } catch (IOException e) {
            throw listingFailed(directory, e);
        }
        return layered;
    }

    /** The {@code replaced/} computer list of a layered directory as a query, or null when it has none. */
    static String replaced(Path layered) {
        List<Path> files = parquetFiles(layered.resolve("replaced"));
        return files.isEmpty() ? null : "(SELECT computer_id FROM " + read(files) + ")";
    }

    /** FROM items: one read of every plain Parquet file, one per layered directory (by {@code layeredReader}). */
    private static List<String> parts(Path directory, Function<Path, String> layeredReader) {
        List<String> parts = new ArrayList<>();
        if (isLayered(directory)) {
            String layered = layeredReader.apply(directory);
            if (layered != null) {
                parts.add(layered);
            }
            return parts;
        }
        List<Path> plain = new ArrayList<>();
        collect(directory, plain, parts, layeredReader);
        if (!plain.isEmpty()) {
            parts.add(0, read(plain));
        }
        return parts;
    }

    private static List<String> parts(Path directory) {
        return parts(directory, SnapshotTableSource::layered);
    }

    /** Plain Parquet files below {@code directory} into {@code plain}; layered sub-directories as queries into {@code parts}. */
    private static void collect(Path directory, List<Path> plain, List<String> parts, Function<Path, String> layeredReader) {
        List<Path> entries;
        try (Stream<Path> children = Files.list(directory)) {
            entries = children.sorted().toList();
        } catch (IOException e) {
            throw listingFailed(directory, e);
        }
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                if (isLayered(entry)) {
                    String layered = layeredReader.apply(entry);
                    if (layered != null) {
                        parts.add(layered);
                    }
                } else {
                    collect(entry, plain, parts, layeredReader);
                }
            } else if (isParquet(entry)) {
                plain.add(entry);
            }
        }
    }

    /** base minus replaced computers, plus delta; null when neither base nor delta holds a Parquet file. */
    private static String layered(Path directory) {
        List<Path> base = parquetFiles(directory.resolve("base"));
        List<Path> delta = parquetFiles(directory.resolve("delta"));
        String replaced = replaced(directory);
        List<String> parts = new ArrayList<>();
        if (!base.isEmpty()) {
            parts.add("SELECT * FROM " + read(base) + (replaced == null ? ""
                    : " WHERE computer_id IS NULL OR computer_id NOT IN (SELECT computer_id FROM " + replaced
                    + " WHERE computer_id IS NOT NULL)"));
        }
        if (!delta.isEmpty()) {
            parts.add("SELECT * FROM " + read(delta));
        }
        return parts.isEmpty() ? null : "(" + String.join(" UNION ALL BY NAME ", parts) + ")";
    }

    static List<Path> parquetFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(SnapshotTableSource::isParquet).sorted().toList();
        } catch (IOException e) {
            throw listingFailed(directory, e);
        }
    }

    private static boolean isParquet(Path file) {
        return file.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(file);
    }

    static String read(List<Path> files) {
        List<String> quoted = files.stream().map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'").toList();
        return "read_parquet([" + String.join(", ", quoted) + "], union_by_name = true)";
    }

    private static QueryException listingFailed(Path directory, IOException e) {
        return new QueryException("cannot list snapshot table directory " + directory + ": " + e.getMessage(), e);
    }
}

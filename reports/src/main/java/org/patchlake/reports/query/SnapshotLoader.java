package org.patchlake.reports.query;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies one snapshot's Parquet tables into a DuckDB database (snapshot_load.sql): each table is first exposed
 * as a view {@code src.<table>} over its Parquet files read by the snapshot contract ({@link SnapshotTableSource}:
 * plain part files and segments, layered directories as base minus replaced computers plus delta), or as an empty
 * table of the contract shape when the snapshot lacks it. Timestamp-with-time-zone columns (Spark writes
 * UTC-adjusted timestamps) become plain UTC timestamps so every query compares like with like. View names come
 * from the fixed table list, paths from the file system (quotes escaped): DuckDB cannot bind parameters in DDL.
 *
 * <p>{@link #loadIncrementally} turns a copy of the previous snapshot's database into this snapshot's: the rows of
 * the changed computers are replaced in every per-computer table (snapshot_load_incremental.sql), every other
 * table of snapshot_load.sql (small tables read from the snapshot, summaries computed from the native tables) is
 * rebuilt by the same statement as in a full load, so the result equals a full load as a set of rows.
 */
final class SnapshotLoader {
    /** Tables whose rows belong to one computer each: replaced per changed computer by an incremental load. */
    static final Set<String> PER_COMPUTER_TABLES = Set.of("computers", "deliveries", "scans", "bulletin_state",
            "update_state", "update_state_history", "update_state_history_by_bulletin", "windows_update_searches",
            "windows_update_missing");
    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE TABLE (\\w+)", Pattern.CASE_INSENSITIVE);

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SnapshotLoader.class);

    private final SnapshotSchema schema;

    SnapshotLoader(SnapshotSchema schema) {
        this.schema = schema;
    }

    void load(Statement statement, SnapshotInfo info) throws SQLException {
        statement.execute("CREATE SCHEMA src");
        for (String table : schema.tables()) {
            SnapshotTableSource source = new SnapshotTableSource(info.directory().resolve(table));
            createView(statement, "src", table, source.exists() ? source.rows() : null);
        }
        statement.execute(SnapshotSchema.snapshotInfoStatement(info.dataAsOf()));
        for (String load : schema.loadStatements()) {
            statement.execute(load);
        }
        statement.execute(schema.referenceTables());
        statement.execute("DROP SCHEMA src CASCADE");
    }

    /**
     * Runs in a copy of the database of an earlier snapshot: {@code changedComputers} are the
     * {@code _changed_computers} directories of every snapshot after that one up to this one (their union is every
     * computer whose rows may differ).
     */
    void loadIncrementally(Statement statement, SnapshotInfo info, List<Path> changedComputers) throws SQLException {
        List<Path> changedFiles = changedComputers.stream().flatMap(d -> SnapshotTableSource.parquetFiles(d).stream()).toList();
        statement.execute("CREATE TEMP TABLE changed_computers (computer_id VARCHAR)");
        if (!changedFiles.isEmpty()) {
            statement.execute("INSERT INTO changed_computers SELECT DISTINCT computer_id FROM "
                    + SnapshotTableSource.read(changedFiles) + " WHERE computer_id IS NOT NULL");
        }
        statement.execute("CREATE SCHEMA src");
        statement.execute("CREATE SCHEMA changed");
        for (String table : schema.tables()) {
            SnapshotTableSource source = new SnapshotTableSource(info.directory().resolve(table));
            if (PER_COMPUTER_TABLES.contains(table)) {
                String rows = source.exists() ? source.rowsOf("changed_computers", layered -> replacesAll(statement, layered)) : null;
                createView(statement, "changed", table, rows);
            } else {
                createView(statement, "src", table, source.exists() ? source.rows() : null);
            }
        }
        statement.execute("DROP TABLE snapshot_info");
        statement.execute(SnapshotSchema.snapshotInfoStatement(info.dataAsOf()));
        for (String replace : schema.incrementalStatements()) {
            timed(statement, replace);
        }
        for (String load : schema.loadStatements()) {
            String table = targetTable(load);
            if (!PER_COMPUTER_TABLES.contains(table)) {
                statement.execute("DROP TABLE IF EXISTS " + table);
                timed(statement, load);
            }
        }
        statement.execute("DROP SCHEMA changed CASCADE");
        statement.execute("DROP SCHEMA src CASCADE");
        statement.execute("DROP TABLE changed_computers");
    }

    private static void timed(Statement statement, String sql) throws SQLException {
        long started = System.nanoTime();
        statement.execute(sql);
        log.info("incremental load: {} s {}", String.format("%.1f", (System.nanoTime() - started) / 1e9), sql.lines().findFirst().orElse(""));
    }

    static String targetTable(String loadStatement) {
        Matcher m = CREATE_TABLE.matcher(loadStatement);
        if (!m.find()) {
            throw new IllegalStateException("snapshot_load.sql statement does not create a table: " + loadStatement);
        }
        return m.group(1);
    }

    /** True when every changed computer is in the layered directory's replaced list (its base rows do not count). */
    private static boolean replacesAll(Statement statement, Path layered) {
        String replaced = SnapshotTableSource.replaced(layered);
        if (replaced == null) {
            return false;
        }
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM changed_computers WHERE computer_id NOT IN "
                + "(SELECT computer_id FROM " + replaced + " WHERE computer_id IS NOT NULL)")) {
            rs.next();
            return rs.getLong(1) == 0;
        } catch (SQLException e) {
            throw new QueryException("cannot read the replaced computers of " + layered + ": " + e.getMessage(), e);
        }
    }

    private void createView(Statement statement, String schemaName, String table, String rows) throws SQLException {
        if (rows == null) {
            statement.execute(schema.createStatement(table).replaceFirst("(?i)CREATE TABLE ", "CREATE TABLE " + schemaName + "."));
            return;
        }
        List<String> replacements = new ArrayList<>();
        Set<String> present = new java.util.HashSet<>();
        try (ResultSet columns = statement.executeQuery("DESCRIBE SELECT * FROM " + rows)) {
            while (columns.next()) {
                present.add(columns.getString("column_name"));
                if (columns.getString("column_type").equals("TIMESTAMP WITH TIME ZONE")) {
                    replacements.add("CAST(" + quoted(columns.getString("column_name")) + " AS TIMESTAMP) AS "
                            + quoted(columns.getString("column_name")));
                }
            }
        }
        String select = replacements.isEmpty() ? "*" : "* REPLACE (" + String.join(", ", replacements) + ")";
        // a column of the contract that an older snapshot does not have yet reads as null
        for (Map.Entry<String, String> column : contractColumns(statement, table).entrySet()) {
            if (!present.contains(column.getKey())) {
                select += ", CAST(NULL AS " + column.getValue() + ") AS " + quoted(column.getKey());
            }
        }
        statement.execute("CREATE VIEW " + schemaName + "." + table + " AS SELECT " + select + " FROM " + rows);
    }

    /** The columns (name, type) of a table's contract shape (snapshot_schema.sql), in order. */
    private Map<String, String> contractColumns(Statement statement, String table) throws SQLException {
        String shape = "contract_shape_" + table;
        statement.execute(schema.createStatement(table).replaceFirst("(?i)CREATE TABLE " + table + " ", "CREATE TEMP TABLE " + shape + " "));
        Map<String, String> columns = new java.util.LinkedHashMap<>();
        try (ResultSet described = statement.executeQuery("DESCRIBE " + shape)) {
            while (described.next()) {
                columns.put(described.getString("column_name"), described.getString("column_type"));
            }
        } finally {
            statement.execute("DROP TABLE " + shape);
        }
        return columns;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

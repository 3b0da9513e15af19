package org.patchlake.reports.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The snapshot tables the query layer reads (the allow-list of view names) and, per table, the
 * {@code CREATE TABLE} statement of its expected shape from {@code snapshot_schema.sql}.
 */
public final class SnapshotSchema {
    private static final Pattern CREATE = Pattern.compile("CREATE TABLE (\\w+) \\(", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> createStatements;
    private final String referenceTables;
    private final List<String> loadStatements;
    private final List<String> incrementalStatements;

    private SnapshotSchema(Map<String, String> createStatements, String referenceTables, List<String> loadStatements,
                           List<String> incrementalStatements) {
        this.createStatements = Map.copyOf(createStatements);
        this.referenceTables = referenceTables;
        this.loadStatements = List.copyOf(loadStatements);
        this.incrementalStatements = List.copyOf(incrementalStatements);
    }

    /** snapshot_load_incremental.sql: replaces the changed computers' rows of the per-computer tables. */
    List<String> incrementalStatements() {
        return incrementalStatements;
    }

    /** snapshot_load.sql: the statements that copy a snapshot's src.* views into native tables and summaries. */
    public List<String> loadStatements() {
        return loadStatements;
    }

    /**
     * The summary statements of snapshot_load.sql (those computed from the loaded tables, not from src.*),
     * for the benchmark's PostgreSQL, which must answer the same statements over the same tables.
     */
    public List<String> derivedTableStatements() {
        return loadStatements.stream().filter(s -> !s.contains("src.")).toList();
    }

    /**
     * The first statement of every load: the snapshot's data-as-of time as a one-row table, so summaries that
     * depend on "now" (time to patch, SLA attainment) are computed for it and queries can tell when they apply.
     */
    public static String snapshotInfoStatement(java.time.Instant dataAsOf) {
        String literal = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
                .format(java.time.LocalDateTime.ofInstant(dataAsOf, java.time.ZoneOffset.UTC));
        return "CREATE TABLE snapshot_info AS SELECT TIMESTAMP '" + literal + "' AS data_as_of";
    }

    /** Changes whenever the contract tables' shape changes (not the load statements or summaries). */
    public String contractFingerprint() {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(String.join("\n", createStatements.values().stream().sorted().toList()).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Changes whenever the schema or the load statements change: part of a cached snapshot database's name. */
    public String fingerprint() {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(String.join("\n", createStatements.values().stream().sorted().toList()).getBytes(StandardCharsets.UTF_8));
            digest.update(referenceTables.getBytes(StandardCharsets.UTF_8));
            digest.update(String.join(";\n", loadStatements).getBytes(StandardCharsets.UTF_8));
            digest.update(String.join(";\n", incrementalStatements).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Statements creating the reference tables (return code meanings) every snapshot database has. */
    String referenceTables() {
        return referenceTables;
    }

    public static SnapshotSchema load() {
        String text = read("snapshot_schema.sql");
        Map<String, String> statements = new LinkedHashMap<>();
        for (String statement : text.split(";")) {
            Matcher m = CREATE.matcher(statement);
            if (m.find()) {
                statements.put(m.group(1), statement.trim());
            }
        }
        return new SnapshotSchema(statements, read("reference_tables.sql"), statements("snapshot_load.sql"),
                statements("snapshot_load_incremental.sql"));
    }

    private static List<String> statements(String resource) {
        List<String> statements = new ArrayList<>();
        for (String statement : read(resource).split(";\\s*\\n")) {
            if (!statement.isBlank()) {
                statements.add(statement.trim());
            }
        }
        return statements;
    }

    private static String read(String resource) {
        try (InputStream in = SnapshotSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing beside " + SnapshotSchema.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    public java.util.Set<String> tables() {
        return new java.util.TreeSet<>(createStatements.keySet());
    }

    public String createStatement(String table) {
        String statement = createStatements.get(table);
        if (statement == null) {
            throw new IllegalArgumentException("not a snapshot table: " + table);
        }
        return statement;
    }
}

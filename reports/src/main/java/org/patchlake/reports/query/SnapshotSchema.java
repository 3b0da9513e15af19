package org.patchlake.reports.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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

    private SnapshotSchema(Map<String, String> createStatements, String referenceTables) {
        this.createStatements = Map.copyOf(createStatements);
        this.referenceTables = referenceTables;
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
        return new SnapshotSchema(statements, read("reference_tables.sql"));
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

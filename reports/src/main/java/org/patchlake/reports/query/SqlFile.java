package org.patchlake.reports.query;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one loader of SQL resources: a {@code .sql} file on the class path beside the class that runs it, holding either
 * one statement or several named ones (each starts with a line {@code -- name: x} and runs to the next such line).
 * Every statement becomes a {@link SqlResource}: named parameters turned into bound {@code ?} markers, positional
 * {@code ?} markers kept, fragments included by name ({@code /*@scope(...)*}{@code /}, {@link SqlFragments}) expanded,
 * a trailing {@code ;} dropped. Nothing is ever concatenated from values.
 *
 * <pre>{@code
 * private static final SqlFile SQL = SqlFile.load(UserStore.class, "users.sql");
 * try (PreparedStatement s = connection.prepareStatement(SQL.statement("select_user").sql())) { ... }
 * }</pre>
 */
public final class SqlFile {
    private static final String NAME_MARKER = "-- name:";

    private final String resourceName;
    private final Map<String, SqlResource> statements;

    private SqlFile(String resourceName, Map<String, SqlResource> statements) {
        this.resourceName = resourceName;
        this.statements = statements;
    }

    /** Reads {@code resourceName} relative to {@code owner} (or absolute when it starts with {@code /}). */
    public static SqlFile load(Class<?> owner, String resourceName) {
        requireNonNull(owner, "owner is null");
        requireNonNull(resourceName, "resourceName is null");
        return parse(resourceName, read(owner, resourceName), SqlFragments.standard());
    }

    static String read(Class<?> owner, String resourceName) {
        try (InputStream in = owner.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource not found beside " + owner.getName() + ": " + resourceName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL resource " + resourceName + ": " + e.getMessage(), e);
        }
    }

    static SqlFile parse(String resourceName, String text, SqlFragments fragments) {
        Map<String, SqlResource> statements = new LinkedHashMap<>();
        sections(resourceName, text).forEach((name, body) -> {
            String label = name.isEmpty() ? resourceName : resourceName + "#" + name;
            statements.put(name, SqlResource.parse(label, fragments.expand(label, body)));
        });
        return new SqlFile(resourceName, Map.copyOf(statements));
    }

    /** The sections of a file by name; a file without {@code -- name:} lines is one section named "". */
    static Map<String, String> sections(String resourceName, String text) {
        Map<String, String> sections = new LinkedHashMap<>();
        String name = "";
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.trim();
            if (trimmed.startsWith(NAME_MARKER)) {
                if (!name.isEmpty() || !body.toString().replaceAll("(?m)^\\s*--.*$", "").isBlank()) {
                    add(resourceName, sections, name, body);
                }
                name = trimmed.substring(NAME_MARKER.length()).trim();
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        add(resourceName, sections, name, body);
        return sections;
    }

    private static void add(String resourceName, Map<String, String> sections, String name, StringBuilder body) {
        String sql = body.toString().strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        if (sections.put(name, sql) != null) {
            throw new IllegalStateException(resourceName + ": statement '" + name + "' is named twice");
        }
    }

    /** The file's only statement (a file without {@code -- name:} lines). */
    public SqlResource single() {
        if (statements.size() != 1 || !statements.containsKey("")) {
            throw new IllegalStateException(resourceName + " holds named statements " + statements.keySet() + ", not one statement");
        }
        return statements.get("");
    }

    /** The statement named {@code -- name: <name>}; fails naming the file when there is none. */
    public SqlResource statement(String name) {
        SqlResource statement = statements.get(requireNonNull(name, "name is null"));
        if (statement == null || name.isEmpty()) {
            throw new IllegalStateException("no statement '" + name + "' in " + resourceName);
        }
        return statement;
    }

    public String resourceName() {
        return resourceName;
    }
}

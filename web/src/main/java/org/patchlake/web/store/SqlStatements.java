package org.patchlake.web.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Named SQL statements read from a {@code .sql} resource: each statement starts with a line {@code -- name: x}
 * and runs to the next such line. Parameters are always bound ({@code ?}); nothing is concatenated.
 */
public final class SqlStatements {
    private final String resource;
    private final Map<String, String> statements;

    private SqlStatements(String resource, Map<String, String> statements) {
        this.resource = resource;
        this.statements = Map.copyOf(statements);
    }

    public static SqlStatements load(Class<?> owner, String resourceName) {
        requireNonNull(owner, "owner is null");
        String text;
        try (InputStream in = owner.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource not found: " + resourceName + " beside " + owner.getName());
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL resource " + resourceName, e);
        }
        return new SqlStatements(resourceName, parse(text));
    }

    static Map<String, String> parse(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("-- name:")) {
                if (name != null) {
                    result.put(name, clean(body));
                }
                name = trimmed.substring("-- name:".length()).trim();
                body.setLength(0);
            } else if (name != null && !trimmed.startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        if (name != null) {
            result.put(name, clean(body));
        }
        return result;
    }

    private static String clean(StringBuilder body) {
        String sql = body.toString().trim();
        return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    }

    public String get(String name) {
        String sql = statements.get(name);
        if (sql == null) {
            throw new IllegalStateException("no statement '" + name + "' in " + resource);
        }
        return sql;
    }
}

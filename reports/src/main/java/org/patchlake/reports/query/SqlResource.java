package org.patchlake.reports.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One SQL statement loaded from a {@code .sql} resource beside the class that runs it ({@link SqlFile}). Named parameters
 * ({@code :severities}) are turned into positional {@code ?} markers once, at load time, so every value is
 * bound by the driver and never concatenated. {@code ::TYPE} casts, string literals and comments are left
 * alone. A statement may have one {@code /*order_by*}{@code /} slot, filled only from a fixed allow-list
 * ({@link #withOrderBy(String)}), never from user input.
 */
public final class SqlResource {
    private final String name;
    private final String sql;
    private final List<String> parameterNames;

    private SqlResource(String name, String sql, List<String> parameterNames) {
        this.name = name;
        this.sql = sql;
        this.parameterNames = List.copyOf(parameterNames);
    }

    /** The one statement of {@code resourceName} beside {@code owner}, read by {@link SqlFile} (fragments expanded). */
    public static SqlResource load(Class<?> owner, String resourceName) {
        return SqlFile.load(owner, resourceName).single();
    }

    static SqlResource parse(String name, String text) {
        StringBuilder out = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                end = end < 0 ? text.length() - 1 : end;
                out.append(text, i, end + 1);
                i = end + 1;
            } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                i = end;
            } else if (c == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                names.add(text.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new SqlResource(name, out.toString().trim(), names);
    }

    /** A copy with the order-by slot filled with a fragment that comes from a fixed allow-list (an enum). */
    public SqlResource withOrderBy(String allowListedFragment) {
        return withSlot("order_by", allowListedFragment);
    }

    /** A copy with {@code /*<slot>*}{@code /} filled with a fragment from a fixed allow-list (an enum constant). */
    public SqlResource withSlot(String slot, String allowListedFragment) {
        Objects.requireNonNull(allowListedFragment, "allowListedFragment is null");
        String marker = "/*" + slot + "*/";
        if (!sql.contains(marker)) {
            throw new IllegalStateException(name + " has no " + marker + " slot");
        }
        return new SqlResource(name, sql.replace(marker, allowListedFragment), parameterNames);
    }

    public String name() {
        return name;
    }

    public String sql() {
        return sql;
    }

    public List<String> parameterNames() {
        return parameterNames;
    }

    /** Values in marker order; fails naming the statement and the parameter when one was not given. */
    List<Object> orderedValues(Map<String, Object> values) {
        List<Object> ordered = new ArrayList<>(parameterNames.size());
        for (String parameter : parameterNames) {
            if (!values.containsKey(parameter)) {
                throw new IllegalArgumentException(name + ": parameter :" + parameter + " was not bound");
            }
            ordered.add(values.get(parameter));
        }
        return ordered;
    }
}

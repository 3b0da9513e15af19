package org.patchlake.reports.query;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL written once and included by name: a statement says {@code /*@scope(region = c.region, site = c.site)*}{@code /}
 * and gets the fragment {@code scope} of {@code fragments.sql} with {@code {region}} and {@code {site}} replaced by
 * those columns. A fragment line is kept when the include names every {@code {key}} it uses and left out otherwise
 * (so {@code filter} applies only the filters whose columns the table has); an include that keeps no line, or names a
 * key the fragment does not use, fails naming the statement. Arguments are column references ({@code alias.column}),
 * checked against that pattern: they come from the statement's own text, never from a request.
 */
final class SqlFragments {
    private static final Pattern INCLUDE = Pattern.compile("/\\*@([a-z_]+)\\(([^)]*)\\)\\*/");
    private static final Pattern ARGUMENT = Pattern.compile("\\s*([a-z_]+)\\s*=\\s*([a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*)\\s*");
    private static final Pattern KEY = Pattern.compile("\\{([a-z_]+)}");
    private static final SqlFragments STANDARD = new SqlFragments(
            SqlFile.sections("fragments.sql", SqlFile.read(SqlFragments.class, "fragments.sql")));

    private final Map<String, String> fragments;

    SqlFragments(Map<String, String> fragments) {
        this.fragments = Map.copyOf(requireNonNull(fragments, "fragments is null"));
    }

    /** The product's fragments ({@code fragments.sql}: scope, filters, state counts); read once, immutable. */
    static SqlFragments standard() {
        return STANDARD;
    }

    String expand(String statement, String sql) {
        Matcher include = INCLUDE.matcher(sql);
        StringBuilder out = new StringBuilder(sql.length());
        while (include.find()) {
            include.appendReplacement(out, Matcher.quoteReplacement(fragment(statement, include.group(1), include.group(2))));
        }
        include.appendTail(out);
        return out.toString();
    }

    private String fragment(String statement, String name, String argumentText) {
        String text = fragments.get(name);
        if (text == null) {
            throw new IllegalStateException(statement + ": no SQL fragment '" + name + "' (known: " + new TreeSet<>(fragments.keySet()) + ")");
        }
        Map<String, String> columns = arguments(statement, name, argumentText);
        Set<String> used = new TreeSet<>();
        List<String> kept = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("--")) {
                continue;
            }
            Matcher key = KEY.matcher(line);
            StringBuilder filled = new StringBuilder();
            boolean complete = true;
            while (key.find()) {
                used.add(key.group(1));
                String column = columns.get(key.group(1));
                complete &= column != null;
                key.appendReplacement(filled, Matcher.quoteReplacement(column == null ? "" : column));
            }
            key.appendTail(filled);
            if (complete) {
                kept.add(filled.toString().strip());
            }
        }
        Set<String> unused = new TreeSet<>(columns.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalStateException(statement + ": fragment '" + name + "' has no use for " + unused + " (it takes " + used + ")");
        }
        if (kept.isEmpty()) {
            throw new IllegalStateException(statement + ": include of fragment '" + name + "' keeps no line (it takes " + used + ")");
        }
        return String.join("\n  ", kept);
    }

    private static Map<String, String> arguments(String statement, String name, String text) {
        Map<String, String> columns = new LinkedHashMap<>();
        if (text.isBlank()) {
            return columns;
        }
        for (String argument : text.split(",")) {
            Matcher m = ARGUMENT.matcher(argument);
            if (!m.matches()) {
                throw new IllegalStateException(statement + ": include of fragment '" + name + "': '" + argument.strip()
                        + "' is not key = alias.column");
            }
            if (columns.put(m.group(1), m.group(2)) != null) {
                throw new IllegalStateException(statement + ": include of fragment '" + name + "' names " + m.group(1) + " twice");
            }
        }
        return columns;
    }
}

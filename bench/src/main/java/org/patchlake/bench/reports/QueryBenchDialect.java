package org.patchlake.bench.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the query layer's DuckDB SQL to PostgreSQL so both engines answer literally the same question.
 * Only the handful of DuckDB functions the queries use are rewritten (count_if, list_contains, len, to_days,
 * to_hours, epoch, epoch_us, make_timestamp, printf, ::DOUBLE); everything else is standard SQL both accept.
 */
final class QueryBenchDialect {
    private static final Pattern CALL = Pattern.compile("\\b(count_if|list_contains|len|to_days|to_hours|epoch_us|epoch|make_timestamp|printf)\\(");

    private QueryBenchDialect() {
    }

    static String toPostgres(String duckdbSql) {
        String sql = duckdbSql.replace("::DOUBLE", "::float8");
        Matcher m = CALL.matcher(sql);
        while (m.find()) {
            int open = m.end() - 1;
            int close = matching(sql, open);
            List<String> args = split(sql.substring(open + 1, close));
            String replacement = switch (m.group(1)) {
                case "count_if" -> "count(*) FILTER (WHERE " + args.get(0) + ")";
                case "list_contains" -> "(" + args.get(1) + " = ANY(" + args.get(0) + "))";
                case "len" -> "cardinality(" + args.get(0) + ")";
                case "to_days" -> "make_interval(days => (" + args.get(0) + ")::int)";
                case "to_hours" -> "make_interval(hours => (" + args.get(0) + ")::int)";
                case "epoch_us" -> "(extract(epoch from (" + args.get(0) + ")) * 1000000)::bigint";
                case "epoch" -> "extract(epoch from (" + args.get(0) + "))";
                case "make_timestamp" -> "(to_timestamp((" + args.get(0) + ") / 1000000.0) AT TIME ZONE 'UTC')";
                case "printf" -> "('0x' || upper(lpad(to_hex(" + args.get(1) + "), 8, '0')))";
                default -> throw new IllegalStateException(m.group(1));
            };
            sql = sql.substring(0, m.start()) + replacement + sql.substring(close + 1);
            m = CALL.matcher(sql);
        }
        return sql;
    }

    private static int matching(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = sql.indexOf('\'', i + 1);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses in: " + sql);
    }

    private static List<String> split(String arguments) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < arguments.length(); i++) {
            char c = arguments.charAt(i);
            if (c == '\'') {
                i = arguments.indexOf('\'', i + 1);
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(arguments.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(arguments.substring(start).trim());
        return out;
    }
}

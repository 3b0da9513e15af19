package org.patchlake.reports.jasper;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.patchlake.reports.query.Page;
import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.Scope;

/**
 * One report to render: which, for whom (the viewer's {@link Scope}, decided by the caller and never by a
 * parameter) and with which parameters ({@code --param k=v} on the command line, query string in web).
 * Known parameters: severity, class, region, site (comma lists; they narrow within the scope), from, to
 * (ISO dates), bulletin, state (applicable|installed|vulnerable), computer, policy, days, limit, offset.
 */
public record ReportRequest(ReportTemplate template, Scope scope, Map<String, String> parameters) {
    public static final int DEFAULT_LIMIT = 1_000;

    public ReportRequest {
        requireNonNull(template, "template is null");
        requireNonNull(scope, "scope is null");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(parameters, "parameters is null")));
    }

    public QueryFilter filter() {
        return new QueryFilter(list("severity"), list("class"), list("region"), list("site"), date("from"), date("to"));
    }

    public Page page() {
        return new Page(integer("limit", DEFAULT_LIMIT), integer("offset", 0));
    }

    public String text(String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String required(String name) {
        String value = text(name);
        if (value == null) {
            throw new IllegalArgumentException("report " + template.reportName() + " needs the parameter '" + name + "'");
        }
        return value;
    }

    public int integer(String name, int defaultValue) {
        String value = text(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " is not a whole number: '" + value + "'", e);
        }
    }

    public LocalDate date(String name) {
        String value = text(name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parameter " + name + " is not a date (yyyy-MM-dd): '" + value + "'", e);
        }
    }

    private Set<String> list(String name) {
        String value = text(name);
        if (value == null) {
            return Set.of();
        }
        return new TreeSet<>(Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    /** How the scope is printed on the report. */
    public String scopeDescription() {
        if (scope.everything()) {
            return "all regions";
        }
        StringBuilder text = new StringBuilder();
        if (!scope.regions().isEmpty()) {
            text.append("regions ").append(String.join(", ", new TreeSet<>(scope.regions())));
        }
        if (!scope.sites().isEmpty()) {
            text.append(text.length() > 0 ? "; " : "").append("sites ").append(String.join(", ", new TreeSet<>(scope.sites())));
        }
        return text.toString();
    }
}

package org.patchlake.web.schedule;

import org.patchlake.web.auth.Scope;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportParameter;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportService;
import org.patchlake.web.http.BadParameterException;
import org.patchlake.web.http.TimeParameters;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A schedule's report parameters: stored as a query string ({@code region=EU&severity=Critical}), checked like the
 * report pages check theirs, against the schedule owner's scope (at save time and again at every send).
 */
public final class ScheduleParameters {
    /** The parameters a schedule may carry ({@code state} belongs to drill-downs only). */
    private static final List<ReportParameter> ALLOWED = Arrays.stream(ReportParameter.values())
            .filter(p -> p != ReportParameter.STATE).toList();

    private ScheduleParameters() {
    }

    /** Reads {@code a=b&c=d}; the message of the {@link IllegalArgumentException} names the bad part. */
    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return values;
        }
        for (String part : text.trim().split("&")) {
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("'" + abbreviate(part) + "' is not name=value");
            }
            String name = URLDecoder.decode(part.substring(0, equals).trim(), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(part.substring(equals + 1).trim(), StandardCharsets.UTF_8).trim();
            if (value.isEmpty()) {
                continue;
            }
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
        return values;
    }

    public static String text(Map<String, String> parameters) {
        return ALLOWED.stream().filter(p -> parameters.containsKey(p.key()))
                .map(p -> p.key() + "=" + URLEncoder.encode(parameters.get(p.key()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * Checks the parameters for the report within the owner's scope and builds them. Throws
     * {@link IllegalArgumentException} naming the parameter and the problem.
     */
    public static ReportParameters check(Report report, Map<String, String> values, Scope ownerScope, ReportService reports,
                                         java.time.Instant now) {
        for (String name : values.keySet()) {
            ReportParameter parameter = ALLOWED.stream().filter(p -> p.key().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + abbreviate(name) + "' is not a report parameter (known: "
                            + ALLOWED.stream().map(ReportParameter::key).collect(Collectors.joining(", ")) + ")"));
            if (!report.parameters().contains(parameter)) {
                throw new IllegalArgumentException(name + " is not a parameter of " + report.title());
            }
        }
        String region = blankToNull(values.get("region"));
        if (region != null && !ownerScope.permitsRegion(region)) {
            throw new IllegalArgumentException("region '" + abbreviate(region) + "' is outside the owner's scope (" + ownerScope.describe() + ")");
        }
        String site = blankToNull(values.get("site"));
        if (site != null && !ownerScope.allRegions() && !reports.sites(ownerScope).contains(site)) {
            throw new IllegalArgumentException("site '" + abbreviate(site) + "' is outside the owner's scope (" + ownerScope.describe() + ")");
        }
        LocalDate from = date(values, "from", now);
        LocalDate to = date(values, "to", now);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        Integer limit = integer(values, "limit", 1, ReportParameters.MAX_LIMIT);
        return new ReportParameters(region, site, oneOf(values, "severity", ReportParameters.SEVERITIES), from, to, date(values, "asOf", now),
                integer(values, "days", 1, 3650), oneOf(values, "computerClass", ReportParameters.COMPUTER_CLASSES), null,
                limit == null ? ReportParameters.DEFAULT_LIMIT : limit);
    }

    private static String oneOf(Map<String, String> values, String name, List<String> allowed) {
        String value = blankToNull(values.get(name));
        if (value != null && !allowed.contains(value)) {
            throw new IllegalArgumentException(name + " must be one of " + allowed + ", was '" + abbreviate(value) + "'");
        }
        return value;
    }

    /** A date bounded as on the report pages ({@link TimeParameters#date}); the message names it. */
    private static LocalDate date(Map<String, String> values, String name, java.time.Instant now) {
        String value = blankToNull(values.get(name));
        try {
            return value == null ? null : TimeParameters.date(name, value, now);
        } catch (BadParameterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static Integer integer(Map<String, String> values, String name, int min, int max) {
        String value = blankToNull(values.get(name));
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a whole number: '" + abbreviate(value) + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "...";
    }

    static Set<String> keys() {
        return ALLOWED.stream().map(ReportParameter::key).collect(Collectors.toUnmodifiableSet());
    }
}

package org.patchlake.web.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validated report parameters; null means "not given". Built by {@code ReportParametersParser} from a request,
 * so every value here has already been checked (known severity, dates in order, region inside the viewer's scope).
 */
public record ReportParameters(String region, String site, String severity, LocalDate from, LocalDate to,
                               LocalDate asOf, Integer days, String computerClass, String state, int limit) {
    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 10_000;
    public static final List<String> SEVERITIES = List.of("Critical", "Important", "Moderate", "Low", "Unrated");
    public static final List<String> COMPUTER_CLASSES = List.of("workstation", "notebook", "server", "business_critical_server");
    /** Bulletin drill-down: which computers of the bulletin to list. */
    public static final List<String> STATES = List.of("applicable", "installed", "vulnerable");

    public ReportParameters {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    public static ReportParameters none() {
        return new ReportParameters(null, null, null, null, null, null, null, null, null, DEFAULT_LIMIT);
    }

    public ReportParameters withState(String newState) {
        return new ReportParameters(region, site, severity, from, to, asOf, days, computerClass, newState, limit);
    }

    /** The given parameters by query-string name, in a fixed order (for links and exports). */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        put(map, "region", region);
        put(map, "site", site);
        put(map, "severity", severity);
        put(map, "from", from);
        put(map, "to", to);
        put(map, "asOf", asOf);
        put(map, "days", days);
        put(map, "computerClass", computerClass);
        put(map, "state", state);
        if (limit != DEFAULT_LIMIT) {
            map.put("limit", Integer.toString(limit));
        }
        return map;
    }

    public String queryString() {
        return asMap().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static void put(Map<String, String> map, String key, Object value) {
        if (value != null) {
            map.put(key, value.toString());
        }
    }
}

package org.patchlake.web.remediation;

import org.patchlake.web.http.BadParameterException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The report row a remediation starts from: a bulletin (optionally narrowed to a region or site: bulletin x
 * region), a vulnerable computer (optionally one bulletin of it), or the failed deliveries of a policy
 * (optionally one computer). {@code report} names the report the row was on, for the audit log.
 */
public record RemediationSource(Kind kind, String bulletinId, String computerId, String region, String site, String policyId,
                                String report) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} _.,:()/&'-]{1,100}");

    public enum Kind {
        BULLETIN, COMPUTER, FAILED_DELIVERY;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Kind> fromKey(String key) {
            return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
        }
    }

    public RemediationSource {
        requireNonNull(kind, "kind is null");
        bulletinId = checked("bulletinId", bulletinId, ID);
        computerId = checked("computerId", computerId, ID);
        region = checked("region", region, NAME);
        site = checked("site", site, NAME);
        policyId = checked("policyId", policyId, ID);
        report = checked("report", report, ID);
        switch (kind) {
            case BULLETIN -> require("bulletinId", bulletinId, "a bulletin row");
            case COMPUTER -> require("computerId", computerId, "a computer row");
            case FAILED_DELIVERY -> require("policyId", policyId, "a failed delivery row");
        }
    }

    private static String checked(String name, String value, Pattern pattern) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (!pattern.matcher(trimmed).matches()) {
            throw new BadParameterException(name, name + " is not valid: '" + (trimmed.length() > 60 ? trimmed.substring(0, 60) + "..." : trimmed) + "'");
        }
        return trimmed;
    }

    private static void require(String name, String value, String what) {
        if (value == null) {
            throw new BadParameterException(name, name + " is required for " + what);
        }
    }

    /** How the row reads in titles and the audit log. */
    public String describe() {
        return switch (kind) {
            case BULLETIN -> "bulletin " + bulletinId + (site != null ? " at site " + site : region != null ? " in region " + region : "");
            case COMPUTER -> "computer " + computerId + (bulletinId != null ? ", bulletin " + bulletinId : "");
            case FAILED_DELIVERY -> "failed deliveries of policy " + policyId + (computerId != null ? " on " + computerId : "");
        };
    }

    /** The query string that reopens the remediation form for this row. */
    public String queryString() {
        StringBuilder query = new StringBuilder("source=").append(kind.key());
        append(query, "bulletinId", bulletinId);
        append(query, "computerId", computerId);
        append(query, "region", region);
        append(query, "site", site);
        append(query, "policyId", policyId);
        append(query, "report", report);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}

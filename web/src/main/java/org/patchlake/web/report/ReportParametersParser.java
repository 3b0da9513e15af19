package org.patchlake.web.report;

import io.javalin.http.Context;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.http.BadParameterException;
import org.patchlake.web.http.Params;
import org.patchlake.web.http.WebException;

import java.time.LocalDate;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** Reads and checks report parameters from a request; a region or site outside the viewer's scope is refused. */
public final class ReportParametersParser {
    private final ReportService reports;

    public ReportParametersParser(ReportService reports) {
        this.reports = requireNonNull(reports, "reports is null");
    }

    public ReportParameters parse(Context ctx, Set<ReportParameter> accepted, Scope scope) {
        for (ReportParameter parameter : ReportParameter.values()) {
            if (!accepted.contains(parameter) && Params.optional(ctx, parameter.key()) != null) {
                throw new BadParameterException(parameter.key(), parameter.key() + " is not a parameter of this report");
            }
        }
        String region = Params.optional(ctx, "region");
        if (region != null && !scope.permitsRegion(region)) {
            throw new WebException(403, "outside_scope", "region '" + Params.abbreviate(region) + "' is outside your scope ("
                    + scope.describe() + ")");
        }
        String site = Params.optional(ctx, "site");
        if (site != null && !scope.allRegions() && !reports.sites(scope).contains(site)) {
            throw new WebException(403, "outside_scope", "site '" + Params.abbreviate(site) + "' is outside your scope ("
                    + scope.describe() + ")");
        }
        String severity = Params.oneOf(ctx, "severity", ReportParameters.SEVERITIES);
        LocalDate from = Params.date(ctx, "from");
        LocalDate to = Params.date(ctx, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadParameterException("from", "from " + from + " is after to " + to);
        }
        LocalDate asOf = Params.date(ctx, "asOf");
        Integer days = Params.integer(ctx, "days", 1, 3650);
        String computerClass = Params.oneOf(ctx, "computerClass", ReportParameters.COMPUTER_CLASSES);
        String state = Params.oneOf(ctx, "state", ReportParameters.STATES);
        Integer limit = Params.integer(ctx, "limit", 1, ReportParameters.MAX_LIMIT);
        return new ReportParameters(region, site, severity, from, to, asOf, days, computerClass, state,
                limit == null ? ReportParameters.DEFAULT_LIMIT : limit);
    }

    /** The scope a query runs in: the viewer's, narrowed to the region or site asked for. */
    public static Scope effectiveScope(Scope viewerScope, ReportParameters parameters) {
        return viewerScope.narrowTo(parameters.region(), parameters.site());
    }
}

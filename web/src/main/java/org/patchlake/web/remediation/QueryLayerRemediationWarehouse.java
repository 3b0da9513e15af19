package org.patchlake.web.remediation;

import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.QueryResult;
import org.patchlake.reports.remediation.RemediationQueries;
import org.patchlake.web.auth.Scope;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** {@link RemediationWarehouse} over the reports module's DuckDB query layer (the published snapshot). */
public final class QueryLayerRemediationWarehouse implements RemediationWarehouse {
    private final QueryLayer queries;
    private final RemediationQueries remediation;

    public QueryLayerRemediationWarehouse(QueryLayer queries) {
        this.queries = requireNonNull(queries, "queries is null");
        this.remediation = new RemediationQueries(queries.runner());
    }

    @Override
    public Pairs pairs(Scope scope, String bulletinIdOrNull, String computerIdOrNull, String regionOrNull, String siteOrNull) {
        QueryFilter filter = QueryFilter.none();
        if (regionOrNull != null) {
            filter = filter.withRegions(regionOrNull);
        }
        if (siteOrNull != null) {
            filter = filter.withSites(siteOrNull);
        }
        if (!published()) {
            return RemediationWarehouse.none().pairs(scope, bulletinIdOrNull, computerIdOrNull, regionOrNull, siteOrNull);
        }
        QueryResult<RemediationQueries.TargetPair> result = remediation.targets(reportsScope(scope), filter, bulletinIdOrNull,
                computerIdOrNull);
        return new Pairs(result.snapshotId(), result.rows().stream().map(p -> new Pair(p.computerId(), p.hostname(), p.region(),
                p.site(), p.bulletinId(), p.requiredKb(), p.product(), p.installKb())).toList());
    }

    @Override
    public List<Attempt> latestAttempts(String policyWireId) {
        if (!published()) {
            return List.of();
        }
        return remediation.latestAttempts(policyWireId).rows().stream().map(a -> new Attempt(a.computerId(), a.kb(), a.outcome(),
                a.returnCode(), a.returnCode() == null ? a.returnCodeHex() : org.patchlake.core.rules.InstallReturnCodes.hex(a.returnCode()),
                org.patchlake.web.report.ReturnCodes.meaning(a.returnCode(), a.meaning()), a.attempt(), a.startedAt(), a.restartedSince(),
                a.pendingReboot())).toList();
    }

    @Override
    public java.util.Optional<Place> place(String computerId) {
        if (!published()) {
            return RemediationWarehouse.none().place(computerId);
        }
        return remediation.place(computerId).rows().stream().findFirst()
                .map(p -> new Place(p.computerId(), p.hostname(), p.region(), p.site(), p.pendingReboot()));
    }

    private boolean published() {
        return Files.exists(queries.warehouse().root().resolve("CURRENT"));
    }

    static org.patchlake.reports.query.Scope reportsScope(Scope scope) {
        return scope.allRegions() ? org.patchlake.reports.query.Scope.all()
                : org.patchlake.reports.query.Scope.of(Set.copyOf(scope.regions()), Set.copyOf(scope.sites()));
    }
}

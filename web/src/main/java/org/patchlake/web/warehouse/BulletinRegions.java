package org.patchlake.web.warehouse;

import org.patchlake.reports.query.ComplianceRows.BulletinCompliance;
import org.patchlake.reports.query.ComplianceRows.GroupCompliance;
import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.Scope;
import org.patchlake.reports.query.Sorts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Every bulletin's current compliance per region within a scope, for the bulletin page's "by region" table: one
 * compliance-by-bulletin query per visible region over the per-snapshot summary, computed once per snapshot and
 * scope and then looked up, instead of deriving one bulletin's states at the snapshot's time from the full history
 * on every bulletin page (the same counts: current states are the history's rows valid at data_as_of).
 */
final class BulletinRegions {
    private static final int MAX_SCOPES = 64;

    private final QueryLayer queries;
    private final Map<String, Map<String, List<GroupCompliance>>> bySnapshotAndScope = new ConcurrentHashMap<>();

    BulletinRegions(QueryLayer queries) {
        this.queries = requireNonNull(queries, "queries is null");
    }

    /** The bulletin's counts per region (regions where it applies to no computer are left out). */
    List<GroupCompliance> of(String snapshotId, Scope scope, String bulletinId) {
        String key = snapshotId + "|" + scope.everything() + new TreeSet<>(scope.regions()) + new TreeSet<>(scope.sites());
        if (bySnapshotAndScope.size() > MAX_SCOPES) {
            bySnapshotAndScope.clear();
        }
        return bySnapshotAndScope.computeIfAbsent(key, k -> load(scope)).getOrDefault(bulletinId, List.of());
    }

    private Map<String, List<GroupCompliance>> load(Scope scope) {
        Map<String, List<GroupCompliance>> byBulletin = new HashMap<>();
        for (GroupCompliance region : queries.fleet().regions(scope, QueryFilter.none()).rows()) {
            for (BulletinCompliance b : queries.compliance().byBulletin(scope, QueryFilter.none().withRegions(region.group()),
                    Sorts.BulletinSort.RELEASED_NEWEST).rows()) {
                byBulletin.computeIfAbsent(b.bulletinId(), id -> new ArrayList<>())
                        .add(new GroupCompliance(region.group(), b.counts().applicable(), b.counts()));
            }
        }
        byBulletin.replaceAll((id, list) -> List.copyOf(list));
        return byBulletin;
    }
}

package org.patchlake.web.remediation;

import org.patchlake.web.auth.Scope;
import org.patchlake.web.http.WebException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Turns a report row into frozen targets within the actor's scope: the computers of the row that still need an
 * update, each with the updates its install plan names for them (the warehouse query gives the planned update of each
 * required one: the newest cumulative or superseding update that covers it), each planned update once however many
 * required updates of the row it fixes. A row with nothing to install
 * in the actor's scope is a 409, whether its computers are elsewhere or the row does not exist: the answer tells
 * nothing about computers outside the scope (not even how many). Every target's place is checked against the scope
 * once more before anything is stored.
 */
final class TargetResolver {
    /**
     * Targets and the snapshot they were frozen from; {@code fixes}: per computer, per update to install, the required
     * updates of the row it fixes (their KBs, for the confirmation), and {@code replacements}: every required update of
     * the row fixed by installing another one.
     */
    record Resolution(String snapshotId, List<RemediationTarget> targets, Long parentPolicyId,
                      Map<String, Map<String, List<String>>> fixes, List<RemediationDefinition.Replacement> replacements) {
        Resolution {
            targets = List.copyOf(targets);
            fixes = Map.copyOf(fixes);
            replacements = List.copyOf(replacements);
        }

        /** The required KBs that installing {@code kb} on {@code computerId} fixes (itself among them when required). */
        List<String> fixedBy(String computerId, String kb) {
            return fixes.getOrDefault(computerId, Map.of()).getOrDefault(kb, List.of());
        }

        int updateCount() {
            return targets.stream().mapToInt(t -> t.updates().size()).sum();
        }

        Set<String> kbs() {
            Set<String> kbs = new LinkedHashSet<>();
            targets.forEach(t -> t.updates().forEach(u -> kbs.add(u.kb())));
            return kbs;
        }
    }

    private final RemediationWarehouse warehouse;
    private final RemediationStore store;

    TargetResolver(RemediationWarehouse warehouse, RemediationStore store) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.store = requireNonNull(store, "store is null");
    }

    Resolution resolve(RemediationSource source, Scope scope) {
        if (source.region() != null && !scope.permitsRegion(source.region())) {
            // as on the report pages: any region outside the scope, real or not, is refused by name, without counts
            throw new WebException(403, "outside_scope", "region '" + source.region() + "' is outside your scope (" + scope.describe() + ")");
        }
        Resolution resolution = switch (source.kind()) {
            case BULLETIN, COMPUTER -> fromWarehouse(source, scope);
            case FAILED_DELIVERY -> failedDeliveries(source, scope);
        };
        if (resolution.targets().stream().anyMatch(target -> !scope.permits(target.region(), target.site()))) {
            throw nothingToDo(source, null); // never reached by the scoped queries above; said the same way if it were
        }
        return resolution;
    }

    private Resolution fromWarehouse(RemediationSource source, Scope scope) {
        String bulletin = source.bulletinId();
        String computer = source.kind() == RemediationSource.Kind.COMPUTER ? source.computerId() : null;
        RemediationWarehouse.Pairs pairs = warehouse.pairs(scope, bulletin, computer, source.region(), source.site());
        if (pairs.pairs().isEmpty()) {
            throw nothingToDo(source, pairs.snapshotId());
        }
        Map<String, List<RemediationTarget.Update>> updates = new LinkedHashMap<>();
        Map<String, RemediationWarehouse.Pair> places = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> fixes = new LinkedHashMap<>();
        Set<RemediationDefinition.Replacement> replacements = new LinkedHashSet<>();
        for (RemediationWarehouse.Pair pair : pairs.pairs()) {
            places.putIfAbsent(pair.computerId(), pair);
            List<RemediationTarget.Update> list = updates.computeIfAbsent(pair.computerId(), k -> new ArrayList<>());
            // one update installed once: a cumulative update fixing four required ones of the row is one install
            if (list.stream().noneMatch(u -> u.kb().equals(pair.installKb()))) {
                list.add(new RemediationTarget.Update(pair.installKb(), pair.product(), pair.requiredKb(), pair.bulletinId()));
            }
            List<String> fixed = fixes.computeIfAbsent(pair.computerId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(pair.installKb(), k -> new ArrayList<>());
            if (!fixed.contains(pair.requiredKb())) {
                fixed.add(pair.requiredKb());
            }
            if (!pair.installKb().equals(pair.requiredKb())) {
                replacements.add(new RemediationDefinition.Replacement(pair.requiredKb(), pair.product(), pair.installKb()));
            }
        }
        List<RemediationTarget> targets = new ArrayList<>();
        places.forEach((id, place) -> targets.add(new RemediationTarget(id, place.hostname(), place.region(), place.site(),
                RemediationTarget.PILOT, updates.get(id))));
        return new Resolution(pairs.snapshotId(), targets, null, fixes, List.copyOf(replacements));
    }

    /** The parent policy's targets whose latest attempt failed for good (optionally one computer), within scope. */
    private Resolution failedDeliveries(RemediationSource source, Scope scope) {
        long parentId = RemediationPolicy.idOf(source.policyId());
        RemediationPolicy parent = parentId < 0 ? null : store.policy(parentId).orElse(null);
        if (parent == null || (!scope.allRegions() && store.targets(parentId).stream().noneMatch(t -> scope.permits(t.region(), t.site())))) {
            throw RemediationService.noSuchPolicy(source.policyId());
        }
        Set<String> failed = new LinkedHashSet<>();
        for (RemediationWarehouse.Attempt attempt : warehouse.latestAttempts(parent.wireId())) {
            if (attempt.outcome().equals("failed") && (source.computerId() == null || source.computerId().equals(attempt.computerId()))) {
                failed.add(attempt.computerId() + "|" + attempt.kb());
            }
        }
        List<RemediationTarget> targets = new ArrayList<>();
        for (RemediationTarget target : store.targets(parentId)) {
            List<RemediationTarget.Update> retried = target.updates().stream()
                    .filter(u -> failed.contains(target.computerId() + "|" + u.kb())).toList();
            if (retried.isEmpty()) {
                continue;
            }
            if (!scope.permits(target.region(), target.site())) {
                continue;
            }
            targets.add(new RemediationTarget(target.computerId(), target.hostname(), target.region(), target.site(),
                    RemediationTarget.PILOT, retried));
        }
        if (targets.isEmpty()) {
            throw WebException.conflict("policy " + parent.wireId() + " has no failed delivery" + (source.computerId() == null ? ""
                    : " on " + source.computerId()) + " in the current snapshot within your scope");
        }
        Set<RemediationDefinition.Replacement> replacements = new LinkedHashSet<>();
        targets.forEach(t -> t.updates().stream().filter(RemediationTarget.Update::replaced)
                .forEach(u -> replacements.add(new RemediationDefinition.Replacement(u.requiredKb(), u.product(), u.kb()))));
        return new Resolution(null, targets, parentId, Map.of(), List.copyOf(replacements));
    }

    /** The answer for a row with nothing to install in the actor's scope (unknown, done, or elsewhere: all the same). */
    private static WebException nothingToDo(RemediationSource source, String snapshotId) {
        return WebException.conflict("no computer of " + source.describe() + " in your scope needs an update"
                + (snapshotId == null ? "" : " in snapshot " + snapshotId) + " (installed, exempt, unknown or not applicable)");
    }

    /** The pilot ring: {@code percent} of the targets (at least one, never all of several), the same computers for every policy. */
    static List<RemediationTarget> rings(List<RemediationTarget> targets, int percent) {
        if (percent <= 0 || percent >= 100 || targets.size() < 2) {
            return targets;
        }
        int pilots = Math.min(targets.size() - 1, Math.max(1, (int) Math.ceil(targets.size() * percent / 100.0)));
        List<RemediationTarget> ordered = new ArrayList<>(targets);
        ordered.sort(Comparator.comparing((RemediationTarget t) -> hash(t.computerId())).thenComparing(RemediationTarget::computerId));
        Set<String> pilotIds = new LinkedHashSet<>();
        ordered.subList(0, pilots).forEach(t -> pilotIds.add(t.computerId()));
        return targets.stream().map(t -> t.inRing(pilotIds.contains(t.computerId()) ? RemediationTarget.PILOT : RemediationTarget.MAIN))
                .toList();
    }

    private static String hash(String text) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

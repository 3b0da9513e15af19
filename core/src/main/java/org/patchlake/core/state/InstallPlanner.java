package org.patchlake.core.state;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.Update;

/**
 * Plans what to install: given the updates to remediate on one computer, the fewest updates whose installation
 * fixes them all, by the same rules that derive states (published supersedence and cumulative servicing,
 * {@link Catalog#coveredBy}). The ETL, the web pages and remediation call it; it shares the deriver's
 * per-product indexes, so a plan costs a few bit operations per update.
 *
 * <pre>{@code
 * StateDeriver deriver = new StateDeriver(catalog, StatePolicy.defaults());
 * InstallPlanner planner = new InstallPlanner(deriver);
 * ComputerStates states = deriver.derive(facts, now);
 * InstallPlan plan = planner.plan(facts, states, now);      // every REQUIRED or FAILED update
 * plan.summary();   // "install KB4486563 and KB4487078 to fix these 37"
 * InstallPlan bulletin = planner.plan(facts, catalog.updatesForKb("KB4480970"), now);  // remediate one bulletin
 * }</pre>
 *
 * Thread-safe.
 */
public final class InstallPlanner {
    private final StateDeriver deriver;
    private final Catalog catalog;

    public InstallPlanner(StateDeriver deriver) {
        this.deriver = requireNonNull(deriver, "deriver is null");
        this.catalog = deriver.catalog();
    }

    /** The plan for every update the computer requires or failed to install ({@code states} from the same deriver). */
    public InstallPlan plan(ComputerFacts facts, ComputerStates states, Instant now) {
        requireNonNull(states, "states is null");
        List<Update> targets = new ArrayList<>();
        for (UpdateStateResult result : states.updates()) {
            if (result.state() == UpdateState.REQUIRED || result.state() == UpdateState.FAILED) {
                targets.add(result.update());
            }
        }
        return plan(facts, targets, now);
    }

    /**
     * The plan for the given updates (e.g. those of a bulletin, or of a report row): those that apply to the
     * computer and are released by {@code now} are fixed; the others are ignored (nothing to install for them).
     */
    public InstallPlan plan(ComputerFacts facts, Collection<Update> toRemediate, Instant now) {
        requireNonNull(facts, "facts is null");
        requireNonNull(toRemediate, "toRemediate is null");
        requireNonNull(now, "now is null");
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Update> targets = new ArrayList<>();
        for (Update update : new LinkedHashSet<>(toRemediate)) {
            if (facts.products().contains(update.product()) && !update.released().isAfter(today)
                    && !deriver.supersedenceOf(update.product()).isOptional(update.kb())) {
                targets.add(update);
            }
        }
        Map<String, List<Update>> fixesByKb = new LinkedHashMap<>();
        Map<String, Boolean> installable = new HashMap<>();
        for (Update target : targets) {
            for (String kb : fixers(target)) {
                if (installable.computeIfAbsent(kb, candidate -> isInstallable(candidate, facts, today))) {
                    fixesByKb.computeIfAbsent(kb, key -> new ArrayList<>()).add(target);
                }
            }
        }
        List<PlannedInstall> installs = new ArrayList<>();
        Set<Update> left = new LinkedHashSet<>(targets);
        while (!left.isEmpty()) {
            String best = null;
            int bestCount = 0;
            LocalDate bestReleased = null;
            for (Map.Entry<String, List<Update>> entry : fixesByKb.entrySet()) {
                int count = (int) entry.getValue().stream().filter(left::contains).count();
                if (count == 0) {
                    continue;
                }
                LocalDate released = released(entry.getKey(), facts, today);
                if (count > bestCount || count == bestCount && (released.isAfter(bestReleased)
                        || released.equals(bestReleased) && entry.getKey().compareTo(best) < 0)) {
                    best = entry.getKey();
                    bestCount = count;
                    bestReleased = released;
                }
            }
            if (best == null) {
                // no installable update fixes what is left (only updates not yet released or optional ones would):
                // install each KB itself
                Map<String, List<Update>> byKb = new LinkedHashMap<>();
                left.forEach(update -> byKb.computeIfAbsent(update.kb(), kb -> new ArrayList<>()).add(update));
                byKb.forEach((kb, updates) -> installs.add(new PlannedInstall(kb, released(kb, facts, today),
                        productsOf(kb, facts), updates)));
                break;
            }
            List<Update> fixed = fixesByKb.get(best).stream().filter(left::contains).toList();
            fixed.forEach(left::remove);
            installs.add(new PlannedInstall(best, bestReleased, productsOf(best, facts), fixed));
        }
        return new InstallPlan(facts.computerId(), installs, targets.size());
    }

    /** The KBs whose installation fixes {@code target}: its own and those that supersede or cover it. */
    private List<String> fixers(Update target) {
        List<String> kbs = new ArrayList<>();
        kbs.add(target.kb());
        ProductSupersedence supersedence = deriver.supersedenceOf(target.product());
        long[] covering = supersedence.coveringOf(target.kb());
        if (covering != null) {
            for (int word = 0; word < covering.length; word++) {
                for (long bits = covering[word]; bits != 0; bits &= bits - 1) {
                    kbs.add(supersedence.kbAt((word << 6) + Long.numberOfTrailingZeros(bits)));
                }
            }
        }
        return kbs;
    }

    /**
     * A KB can be planned when it is listed for one of the computer's products, released by {@code today}, not an
     * optional release there, and on at least one such product nothing released by then (and not optional)
     * supersedes or covers it without being covered by it in turn (two cumulative packages of one day cover each
     * other: either may be planned).
     */
    private boolean isInstallable(String kb, ComputerFacts facts, LocalDate today) {
        for (Update update : catalog.updatesForKb(kb)) {
            if (!facts.products().contains(update.product()) || update.released().isAfter(today)) {
                continue;
            }
            ProductSupersedence supersedence = deriver.supersedenceOf(update.product());
            if (supersedence.isOptional(kb)) {
                return false;
            }
            if (!replacedByReleased(kb, supersedence, facts, today)) {
                return true;
            }
        }
        return false;
    }

    private boolean replacedByReleased(String kb, ProductSupersedence supersedence, ComputerFacts facts, LocalDate today) {
        long[] covering = supersedence.coveringOf(kb);
        if (covering == null) {
            return false;
        }
        for (int word = 0; word < covering.length; word++) {
            for (long bits = covering[word]; bits != 0; bits &= bits - 1) {
                String other = supersedence.kbAt((word << 6) + Long.numberOfTrailingZeros(bits));
                if (isReleasedFor(other, facts, today) && !fixes(kb, other, facts)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether installing {@code kb} fixes {@code other} on one of the computer's products. */
    private boolean fixes(String kb, String other, ComputerFacts facts) {
        for (Update update : catalog.updatesForKb(other)) {
            if (facts.products().contains(update.product())) {
                ProductSupersedence supersedence = deriver.supersedenceOf(update.product());
                long[] covering = supersedence.coveringOf(other);
                int index = supersedence.indexOf(kb);
                if (covering != null && index >= 0 && (covering[index >>> 6] & 1L << index) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code kb} has a non-optional update for one of the computer's products released by {@code today}. */
    private boolean isReleasedFor(String kb, ComputerFacts facts, LocalDate today) {
        for (Update update : catalog.updatesForKb(kb)) {
            if (facts.products().contains(update.product()) && !update.released().isAfter(today)
                    && !deriver.supersedenceOf(update.product()).isOptional(kb)) {
                return true;
            }
        }
        return false;
    }

    private LocalDate released(String kb, ComputerFacts facts, LocalDate today) {
        LocalDate earliest = null;
        for (Update update : catalog.updatesForKb(kb)) {
            if (facts.products().contains(update.product()) && !update.released().isAfter(today)
                    && (earliest == null || update.released().isBefore(earliest))) {
                earliest = update.released();
            }
        }
        return earliest == null ? LocalDate.MIN : earliest;
    }

    private List<String> productsOf(String kb, ComputerFacts facts) {
        Set<String> products = new TreeSet<>();
        for (Update update : catalog.updatesForKb(kb)) {
            if (facts.products().contains(update.product())) {
                products.add(update.product());
            }
        }
        return List.copyOf(products);
    }
}

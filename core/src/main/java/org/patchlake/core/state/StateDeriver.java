package org.patchlake.core.state;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.Update;

/**
 * THE implementation of the state rules of DESIGN.md; `evaluate`, the ETL and the agent all call this.
 *
 * <p>For each update of each of the computer's products, first match wins:
 * <ol>
 *   <li>EXEMPT: an active exception for the computer and the update's bulletin (it removes the pair from the
 *       compliance denominator whatever else is true);</li>
 *   <li>UNKNOWN: never scanned, or the last inventory is older than the staleness window;</li>
 *   <li>INSTALLED: the KB, or a KB that supersedes it for the same product (transitively) or a cumulative package
 *       that covers it ({@link Catalog#coveredBy}), is installed and not waiting for a restart; the superseding
 *       or covering KB is recorded (smallest id when several are);</li>
 *   <li>INSTALLED_PENDING_REBOOT: installed that way, but only by KBs that wait for a restart;</li>
 *   <li>FAILED: its KB, or a KB that supersedes or covers it, failed to install at least the allowed number of
 *       times (a remediation installs the superseding or covering update in place of this one, so its failure is
 *       this update's failure too); the attempts reported are the larger count;</li>
 *   <li>REQUIRED: otherwise.</li>
 * </ol>
 * Updates of products the computer does not have are NOT_APPLICABLE and are not reported by
 * {@link #derive(ComputerFacts, Instant, UpdateStateSink)}; so are updates released after {@code now}'s date (UTC):
 * a later catalog evaluated against an earlier scan must not make the computer owe an update that did not exist
 * yet, or the history would show every Patch Tuesday as already missed. Optional releases (previews between Patch
 * Tuesdays, {@link org.patchlake.core.catalog.CumulativeRole.Kind#OPTIONAL_CUMULATIVE}) are never reported
 * either: they are not part of compliance, though once installed they cover earlier updates. An update listed under an
 * OS product whose component is a .NET Framework version (as the bulletin era listed them) is NOT_APPLICABLE to a
 * computer that has .NET Framework products on that OS, none of them of that version.
 *
 * <p>Thread-safe. Superseders are indexed per product on first use, so deriving a computer allocates only a
 * sorted copy of its product names.
 */
public final class StateDeriver {
    private final Catalog catalog;
    private final StatePolicy policy;
    /** Supersedence bit sets per product, built once per product on first use. */
    private final Map<String, ProductSupersedence> supersedence = new ConcurrentHashMap<>();

    public StateDeriver(Catalog catalog, StatePolicy policy) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.policy = requireNonNull(policy, "policy is null");
    }

    public Catalog catalog() {
        return catalog;
    }

    public StatePolicy policy() {
        return policy;
    }

    /** Streams the state of every applicable update, products in name order, updates in catalog order. */
    public void derive(ComputerFacts facts, Instant now, UpdateStateSink sink) {
        requireNonNull(facts, "facts is null");
        requireNonNull(now, "now is null");
        boolean stale = isStale(facts, now);
        String[] products = facts.products().toArray(new String[0]);
        Arrays.sort(products);
        boolean[] pendingOut = new boolean[1];
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Set<String> failedKbs = failedKbs(facts);
        for (String product : products) {
            ProductSupersedence supersedence = supersedenceOf(product);
            long[] pending = supersedence.bitsOf(facts.pendingRebootKbs());
            long[] installed = supersedence.bitsOf(facts.installedKbs(), pending);
            long[] failed = failedBits(supersedence, failedKbs);
            long dotNet = supersedence.hasDotNetComponents() ? supersedence.dotNetVersionsOf(facts.products()) : 0;
            List<Update> updates = catalog.updatesForProduct(product);
            for (int position = 0; position < updates.size(); position++) {
                Update update = updates.get(position);
                if (notYetReleased(update, today) || supersedence.isSkipped(position, dotNet)) {
                    continue;
                }
                emit(update, position, facts, now, stale, supersedence, installed, pending, failed, pendingOut, sink);
            }
        }
    }

    /** Every applicable update's state with the bulletin rollup and counts. */
    public ComputerStates derive(ComputerFacts facts, Instant now) {
        List<UpdateStateResult> results = new ArrayList<>();
        derive(facts, now, (update, state, via, attempts) -> results.add(new UpdateStateResult(update, state, via, attempts)));
        return new ComputerStates(facts.computerId(), results);
    }

    /** The state of one update, NOT_APPLICABLE when the computer lacks its product. */
    public UpdateStateResult stateOf(Update update, ComputerFacts facts, Instant now) {
        ProductSupersedence productSupersedence = supersedenceOf(update.product());
        if (!facts.products().contains(update.product())
                || notYetReleased(update, LocalDate.ofInstant(now, ZoneOffset.UTC))
                || catalog.servicing().isOptional(update)
                || productSupersedence.isForAbsentDotNet(update.kb(), productSupersedence.dotNetVersionsOf(facts.products()))) {
            return new UpdateStateResult(update, UpdateState.NOT_APPLICABLE, null, facts.failedAttemptsOf(update.kb()));
        }
        ProductSupersedence supersedence = supersedenceOf(update.product());
        UpdateStateResult[] result = new UpdateStateResult[1];
        long[] pending = supersedence.bitsOf(facts.pendingRebootKbs());
        emit(update, supersedence.positionOf(update.kb()), facts, now, isStale(facts, now), supersedence,
                supersedence.bitsOf(facts.installedKbs(), pending),
                pending, failedBits(supersedence, failedKbs(facts)), new boolean[1],
                (u, state, via, attempts) -> result[0] = new UpdateStateResult(u, state, via, attempts));
        return result[0];
    }

    private static boolean notYetReleased(Update update, LocalDate today) {
        return update.released() != null && update.released().isAfter(today);
    }

    /** Never scanned, or last inventory older than the staleness window. */
    public boolean isStale(ComputerFacts facts, Instant now) {
        Instant last = facts.lastInventoryAt();
        return last == null || last.plus(policy.staleness()).isBefore(now);
    }

    /** KBs whose installs failed at least the allowed number of times. */
    private Set<String> failedKbs(ComputerFacts facts) {
        if (facts.failedAttempts().isEmpty()) {
            return Set.of();
        }
        Set<String> failed = new HashSet<>();
        facts.failedAttempts().forEach((kb, attempts) -> {
            if (attempts >= policy.allowedAttempts()) {
                failed.add(kb);
            }
        });
        return failed;
    }

    /** Bits of the failed KBs among the product's superseders; null when none failed (the common case: no lookup per update). */
    private static long[] failedBits(ProductSupersedence supersedence, Set<String> failedKbs) {
        return failedKbs.isEmpty() ? null : supersedence.bitsOf(failedKbs);
    }

    private void emit(Update update, int position, ComputerFacts facts, Instant now, boolean stale, ProductSupersedence supersedence,
            long[] installed, long[] pending, long[] failed, boolean[] pendingOut, UpdateStateSink sink) {
        String kb = update.kb();
        int attempts = facts.failedAttemptsOf(kb);
        if (facts.isExempt(update.bulletinId(), now)) {
            sink.accept(update, UpdateState.EXEMPT, null, attempts);
            return;
        }
        if (stale) {
            sink.accept(update, UpdateState.UNKNOWN, null, attempts);
            return;
        }
        if (facts.hasInstalled(kb) && !facts.isPendingReboot(kb)) {
            sink.accept(update, UpdateState.INSTALLED, null, attempts);
            return;
        }
        String superseder = supersedence.installedSupersederAt(position, installed, pending, pendingOut);
        String fullyInstalledSuperseder = superseder != null && !pendingOut[0] ? superseder : null;
        String pendingSuperseder = superseder != null && pendingOut[0] ? superseder : null;
        if (fullyInstalledSuperseder != null) {
            sink.accept(update, UpdateState.INSTALLED, fullyInstalledSuperseder, attempts);
        } else if (facts.hasInstalled(kb)) {
            sink.accept(update, UpdateState.INSTALLED_PENDING_REBOOT, null, attempts);
        } else if (pendingSuperseder != null) {
            sink.accept(update, UpdateState.INSTALLED_PENDING_REBOOT, pendingSuperseder, attempts);
        } else if (attempts >= policy.allowedAttempts()) {
            sink.accept(update, UpdateState.FAILED, null, attempts);
        } else {
            String failedSuperseder = failed == null ? null : supersedence.smallestSupersederAt(position, failed);
            if (failedSuperseder != null) {
                sink.accept(update, UpdateState.FAILED, null, Math.max(attempts, facts.failedAttemptsOf(failedSuperseder)));
            } else {
                sink.accept(update, UpdateState.REQUIRED, null, attempts);
            }
        }
    }

    ProductSupersedence supersedenceOf(String product) {
        return supersedence.computeIfAbsent(product, name -> new ProductSupersedence(catalog, name));
    }
}

package org.patchlake.core.catalog;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The update catalog in memory: updates by product and by KB, bulletins, and supersedence (transitive, per
 * product). Immutable after construction; safe to share between threads.
 *
 * <p>DESIGN: an update counts as installed on a computer when it, or any update that supersedes it for the
 * same product, is installed ({@link #installedThrough}); where a product is serviced by cumulative packages,
 * also when a cumulative package that covers it is installed ({@link #coveredBy}, {@link CumulativeServicing}).
 */
public final class Catalog {
    private final Map<String, Update> updatesById;
    private final Map<String, List<Update>> updatesByProduct;
    private final Map<String, List<Update>> updatesByKb;
    private final Map<String, Bulletin> bulletinsById;
    private final SupersedenceGraph supersedence;
    private final CumulativeServicing servicing;

    private Catalog(Collection<Update> updates, Collection<Bulletin> bulletins, Collection<CumulativeRole> roles) {
        Map<String, Update> byId = new LinkedHashMap<>();
        Map<String, List<Update>> byProduct = new HashMap<>();
        Map<String, List<Update>> byKb = new HashMap<>();
        for (Update update : updates) {
            Update previous = byId.putIfAbsent(update.updateId(), update);
            if (previous != null) {
                throw new IllegalArgumentException("update " + update.updateId() + " appears twice in the catalog");
            }
            byProduct.computeIfAbsent(update.product(), product -> new ArrayList<>()).add(update);
            byKb.computeIfAbsent(update.kb(), kb -> new ArrayList<>()).add(update);
        }
        byProduct.replaceAll((product, list) -> List.copyOf(list));
        byKb.replaceAll((kb, list) -> List.copyOf(list));
        Map<String, Bulletin> bulletinMap = new LinkedHashMap<>();
        for (Bulletin bulletin : bulletins) {
            if (bulletinMap.putIfAbsent(bulletin.bulletinId(), bulletin) != null) {
                throw new IllegalArgumentException("bulletin " + bulletin.bulletinId() + " appears twice in the catalog");
            }
        }
        this.updatesById = Collections.unmodifiableMap(byId);
        this.updatesByProduct = byProduct;
        this.updatesByKb = byKb;
        this.bulletinsById = Collections.unmodifiableMap(bulletinMap);
        this.supersedence = new SupersedenceGraph(byId.values());
        this.servicing = new CumulativeServicing(byId, roles);
    }

    /**
     * A catalog of the given updates and bulletins, as they are, without cumulative servicing (only Microsoft's
     * published supersedence applies).
     */
    public static Catalog of(Collection<Update> updates, Collection<Bulletin> bulletins) {
        return of(updates, bulletins, List.of());
    }

    /**
     * A catalog of the given updates, bulletins and cumulative roles, as they are (e.g. loaded back from the
     * warehouse, where the roles were derived at import).
     */
    public static Catalog of(Collection<Update> updates, Collection<Bulletin> bulletins, Collection<CumulativeRole> roles) {
        requireNonNull(updates, "updates is null");
        requireNonNull(bulletins, "bulletins is null");
        requireNonNull(roles, "roles is null");
        return new Catalog(updates, bulletins, roles);
    }

    /**
     * A catalog whose bulletins are derived from the updates (severity, dates, CVEs, exploited, superseded) and
     * whose cumulative packages are worked out from them ({@link CumulativeClassifier}).
     *
     * @param details bulletin id -> title and revision date; bulletins without an entry get "" and null
     */
    public static Catalog fromUpdates(Collection<Update> updates, Map<String, BulletinDetails> details) {
        Catalog withoutBulletins = new Catalog(updates, List.of(), List.of());
        List<Bulletin> bulletins = BulletinDerivation.derive(withoutBulletins, details);
        return new Catalog(updates, bulletins, CumulativeClassifier.classify(updates));
    }

    /**
     * The catalog as it stood on {@code date}: the updates released on or before it, their supersedes lists cut
     * to KBs among them, the cumulative roles among them, and bulletins derived again from what is left (titles
     * and revision dates kept).
     */
    public Catalog asOf(LocalDate date) {
        requireNonNull(date, "date is null");
        List<Update> kept = new ArrayList<>();
        Set<String> keptKbs = new HashSet<>();
        for (Update update : updatesById.values()) {
            if (!update.released().isAfter(date)) {
                kept.add(update);
                keptKbs.add(update.kb());
            }
        }
        List<Update> cut = new ArrayList<>(kept.size());
        for (Update update : kept) {
            List<String> supersedes = update.supersedes().stream().filter(keptKbs::contains).toList();
            cut.add(supersedes.size() == update.supersedes().size() ? update : new Update(update.kb(), update.bulletinId(),
                    update.product(), update.component(), update.severity(), update.impact(), update.released(),
                    update.exploited(), update.restartBehaviour(), supersedes, update.cves()));
        }
        Map<String, BulletinDetails> details = new HashMap<>();
        bulletinsById.values().forEach(bulletin -> details.put(bulletin.bulletinId(),
                new BulletinDetails(bulletin.title(), bulletin.revised() != null && !bulletin.revised().isAfter(date) ? bulletin.revised() : null)));
        Catalog withoutBulletins = new Catalog(cut, List.of(), List.of());
        return new Catalog(cut, BulletinDerivation.derive(withoutBulletins, details), servicing.roles());
    }

    public Collection<Update> updates() {
        return updatesById.values();
    }

    public Optional<Update> update(String kb, String product) {
        return Optional.ofNullable(updatesById.get(Update.updateId(kb, product)));
    }

    /** Updates that apply to a product (AffectedProduct exactly as in the catalog); empty if none. */
    public List<Update> updatesForProduct(String product) {
        return updatesByProduct.getOrDefault(product, List.of());
    }

    /** Every product-specific update of one KB; empty if the KB is unknown. */
    public List<Update> updatesForKb(String kb) {
        return updatesByKb.getOrDefault(kb, List.of());
    }

    public Set<String> products() {
        return Collections.unmodifiableSet(updatesByProduct.keySet());
    }

    public Set<String> kbs() {
        return Collections.unmodifiableSet(updatesByKb.keySet());
    }

    public Collection<Bulletin> bulletins() {
        return bulletinsById.values();
    }

    public Optional<Bulletin> bulletin(String bulletinId) {
        return Optional.ofNullable(bulletinsById.get(bulletinId));
    }

    /** KBs that supersede {@code kb} for {@code product}, directly or transitively; sorted, never kb itself. */
    public Set<String> supersedersOf(String kb, String product) {
        return supersedence.supersedersOf(kb, product);
    }

    /** True when another KB supersedes {@code kb} for {@code product}, directly or transitively. */
    public boolean isSuperseded(String kb, String product) {
        return supersedence.isSuperseded(kb, product);
    }

    /** KBs that list {@code kb} in their supersedes for {@code product}. */
    public Set<String> directSupersedersOf(String kb, String product) {
        return supersedence.directSupersedersOf(kb, product);
    }

    /** Supersedence cycles found in the data, per product. Computes the closure of every product. */
    public List<SupersedenceCycle> supersedenceCycles() {
        return supersedence.cycles();
    }

    public SupersedenceGraph supersedence() {
        return supersedence;
    }

    /** Cumulative servicing: which updates are cumulative packages and what they cover. */
    public CumulativeServicing servicing() {
        return servicing;
    }

    /**
     * KBs whose installation makes {@code kb} count as installed for {@code product}: the KBs that supersede it
     * (Microsoft's published supersedence, transitively) and the cumulative packages that cover it, each with
     * what supersedes or covers them in turn; sorted, never {@code kb} itself. Empty for an unknown update.
     */
    public Set<String> coveredBy(String kb, String product) {
        Update start = updatesById.get(Update.updateId(kb, product));
        if (start == null) {
            return supersedersOf(kb, product);
        }
        Set<String> seen = new HashSet<>();
        Set<String> kbs = new TreeSet<>();
        Deque<Update> queue = new ArrayDeque<>();
        // per stream, the earliest release whose covering packages are already taken: a later update of the
        // stream is covered by a subset of them
        Map<ServicingStreams.StreamKey, LocalDate> streamsTaken = new HashMap<>();
        seen.add(start.updateId());
        queue.add(start);
        while (!queue.isEmpty()) {
            Update update = queue.poll();
            for (String superseder : supersedersOf(update.kb(), update.product())) {
                kbs.add(superseder);
                Update next = updatesById.get(Update.updateId(superseder, update.product()));
                if (next != null && seen.add(next.updateId())) {
                    queue.add(next);
                }
            }
            for (ServicingStreams.StreamKey stream : ServicingStreams.streamsOf(update)) {
                LocalDate taken = streamsTaken.get(stream);
                if (taken != null && !taken.isAfter(update.released())) {
                    continue;
                }
                streamsTaken.put(stream, update.released());
                for (CumulativeServicing.Coverer coverer : servicing.coverersFrom(stream, update.released())) {
                    if (coverer.kb().equals(update.kb())) {
                        continue;
                    }
                    kbs.add(coverer.kb());
                    Update next = updatesById.get(coverer.role().updateId());
                    if (next != null && seen.add(next.updateId())) {
                        queue.add(next);
                    }
                }
            }
        }
        kbs.remove(kb);
        return Collections.unmodifiableSet(kbs);
    }

    /**
     * Which installed KB makes {@code kb} count as installed for {@code product}: kb itself when installed,
     * else the smallest installed KB id among those that supersede or cover it ({@link #coveredBy}), else empty
     * (not installed).
     */
    public Optional<String> installedThrough(String kb, String product, Set<String> installedKbs) {
        if (installedKbs.contains(kb)) {
            return Optional.of(kb);
        }
        for (String superseder : coveredBy(kb, product)) {
            if (installedKbs.contains(superseder)) {
                return Optional.of(superseder);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Catalog[" + updatesById.size() + " updates, " + updatesByKb.size() + " KBs, "
                + updatesByProduct.size() + " products, " + bulletinsById.size() + " bulletins]";
    }
}

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
    private final Map<ServicingStreams.StreamKey, StreamClosure> streamClosures = new java.util.concurrent.ConcurrentHashMap<>();

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
     * (Microsoft's published supersedence, transitively), the cumulative packages of its servicing streams
     * released on or after it, and the KBs that supersede those packages; sorted, never {@code kb} itself. Each
     * stream's packages and their superseders are gathered once, as suffix unions by release date.
     */
    public Set<String> coveredBy(String kb, String product) {
        Update start = find(kb, product);
        if (start == null) {
            return supersedersOf(kb, product);
        }
        Set<String> kbs = new HashSet<>(supersedersOf(kb, product));
        List<ServicingStreams.StreamKey> streams = servicing.streamsOf(start);
        for (ServicingStreams.StreamKey stream : streams) {
            kbs.addAll(streamClosure(stream).from(start.released()));
        }
        // a superseder released earlier than the update (the data has some) brings the packages covering it
        supersedence.forEachSupersederOf(kb, product, superseder -> {
            Update other = find(superseder, product);
            if (other != null && other.released().isBefore(start.released())) {
                for (ServicingStreams.StreamKey stream : servicing.streamsOf(other)) {
                    kbs.addAll(streamClosure(stream).from(other.released()));
                }
            }
        });
        kbs.remove(kb);
        return Collections.unmodifiableSet(new TreeSet<>(kbs));
    }

    private StreamClosure streamClosure(ServicingStreams.StreamKey stream) {
        return streamClosure(stream, new HashSet<>());
    }

    /** The closure of {@code stream}; {@code building} holds the streams being built below it (never followed twice). */
    private StreamClosure streamClosure(ServicingStreams.StreamKey stream, Set<ServicingStreams.StreamKey> building) {
        StreamClosure closure = streamClosures.get(stream);
        if (closure == null) {
            building.add(stream);
            closure = new StreamClosure(stream, servicing.coverersFrom(stream, LocalDate.MIN), building);
            building.remove(stream);
            StreamClosure raced = streamClosures.putIfAbsent(stream, closure);
            closure = raced == null ? closure : raced;
        }
        return closure;
    }

    /**
     * The cumulative packages of one stream, and for each release date the KBs whose installation covers an update
     * of that date: the packages from that date on, the KBs that supersede them (published), and what covers them
     * in the other streams they belong to (a Windows 10 1803 cumulative update listed for the .NET Framework is
     * covered by later cumulative updates of the OS), as suffix unions.
     */
    private final class StreamClosure {
        private final LocalDate[] released;
        private final List<Set<String>> fromIndex;

        StreamClosure(ServicingStreams.StreamKey stream, List<CumulativeServicing.Coverer> coverers,
                Set<ServicingStreams.StreamKey> building) {
            int size = coverers.size();
            this.released = new LocalDate[size];
            List<Set<String>> suffixes = new ArrayList<>(Collections.nCopies(size + 1, Set.<String>of()));
            Set<String> running = new HashSet<>();
            for (int index = size - 1; index >= 0; index--) {
                CumulativeServicing.Coverer coverer = coverers.get(index);
                released[index] = coverer.released();
                running.add(coverer.kb());
                running.addAll(supersedersOf(coverer.kb(), coverer.role().product()));
                Update cumulative = find(coverer.kb(), coverer.role().product());
                if (cumulative != null) {
                    for (ServicingStreams.StreamKey other : servicing.streamsOf(cumulative)) {
                        if (!other.equals(stream) && !building.contains(other)) {
                            running.addAll(streamClosure(other, building).from(coverer.released()));
                        }
                    }
                }
                suffixes.set(index, Set.copyOf(running));
            }
            this.fromIndex = suffixes;
        }

        /** The packages released on or after {@code date}, with their superseders. */
        Set<String> from(LocalDate date) {
            int low = 0;
            int high = released.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (released[middle].isBefore(date)) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return fromIndex.get(low);
        }
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

    /** The update of {@code kb} for {@code product}, without building its id. */
    private Update find(String kb, String product) {
        for (Update update : updatesByKb.getOrDefault(kb, List.of())) {
            if (update.product().equals(product)) {
                return update;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "Catalog[" + updatesById.size() + " updates, " + updatesByKb.size() + " KBs, "
                + updatesByProduct.size() + " products, " + bulletinsById.size() + " bulletins]";
    }
}

package org.patchlake.core.catalog;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
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
 * same product, is installed ({@link #installedThrough}).
 */
public final class Catalog {
    private final Map<String, Update> updatesById;
    private final Map<String, List<Update>> updatesByProduct;
    private final Map<String, List<Update>> updatesByKb;
    private final Map<String, Bulletin> bulletinsById;
    private final SupersedenceGraph supersedence;

    private Catalog(Collection<Update> updates, Collection<Bulletin> bulletins) {
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
    }

    /** A catalog of the given updates and bulletins, as they are (e.g. loaded back from the warehouse). */
    public static Catalog of(Collection<Update> updates, Collection<Bulletin> bulletins) {
        requireNonNull(updates, "updates is null");
        requireNonNull(bulletins, "bulletins is null");
        return new Catalog(updates, bulletins);
    }

    /**
     * A catalog whose bulletins are derived from the updates (severity, dates, CVEs, exploited, superseded).
     *
     * @param details bulletin id -> title and revision date; bulletins without an entry get "" and null
     */
    public static Catalog fromUpdates(Collection<Update> updates, Map<String, BulletinDetails> details) {
        Catalog withoutBulletins = new Catalog(updates, List.of());
        List<Bulletin> bulletins = BulletinDerivation.derive(withoutBulletins, details);
        return new Catalog(updates, bulletins);
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

    /**
     * Which installed KB makes {@code kb} count as installed for {@code product}: kb itself when installed,
     * else the smallest installed KB id among its superseders, else empty (not installed).
     */
    public Optional<String> installedThrough(String kb, String product, Set<String> installedKbs) {
        if (installedKbs.contains(kb)) {
            return Optional.of(kb);
        }
        for (String superseder : new TreeSet<>(supersedersOf(kb, product))) {
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

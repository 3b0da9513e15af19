package org.patchlake.core.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patchlake.core.catalog.ServicingStreams.StreamKey;

/**
 * Cumulative servicing of a catalog: which updates are cumulative packages ({@link CumulativeRole}s, derived at
 * import by {@link CumulativeClassifier}), and which updates each one covers. The rule: a cumulative package
 * covers every other update of the streams it serves ({@link ServicingStreams}) released on or before it. An
 * update listed for several products is a package for each separately. Immutable, thread-safe.
 */
public final class CumulativeServicing {
    /** A cumulative package of a stream and its release. */
    public record Coverer(String kb, LocalDate released, CumulativeRole role) {
    }

    private static final Comparator<Coverer> BY_RELEASE = Comparator.comparing(Coverer::released).thenComparing(Coverer::kb);

    private final Map<String, CumulativeRole> rolesByUpdate = new LinkedHashMap<>();
    private final Map<StreamKey, List<Coverer>> coverersByStream = new HashMap<>();
    /** Product name -> how it is serviced, read once per product (reading a name takes a few regular expressions). */
    private final Map<String, ServicedProduct> servicedProducts = new java.util.concurrent.ConcurrentHashMap<>();
    /** "KB|os key" of the cumulative packages of OS streams. */
    private final java.util.Set<String> osPackages = new java.util.HashSet<>();

    /** Roles whose update is not in {@code updatesById} are dropped (a catalog cut down to a date keeps only its own). */
    CumulativeServicing(Map<String, Update> updatesById, Collection<CumulativeRole> roles) {
        for (CumulativeRole role : roles) {
            Update update = updatesById.get(role.updateId());
            if (update == null || rolesByUpdate.putIfAbsent(role.updateId(), role) != null) {
                continue;
            }
            coverersByStream.computeIfAbsent(ServicingStreams.streamCoveredBy(role), stream -> new ArrayList<>())
                    .add(new Coverer(role.kb(), update.released(), role));
            if (role.scope() == CumulativeRole.Scope.OS_STREAM) {
                osPackages.add(role.kb() + "|" + ServicingStreams.key(role.product()));
            }
        }
        coverersByStream.values().forEach(list -> list.sort(BY_RELEASE));
        coverersByStream.replaceAll((stream, list) -> List.copyOf(list));
    }

    /** Every role, in the order given. */
    public Collection<CumulativeRole> roles() {
        return Collections.unmodifiableCollection(rolesByUpdate.values());
    }

    /** The role of one update, if it is a cumulative package. */
    public Optional<CumulativeRole> role(String kb, String product) {
        return Optional.ofNullable(rolesByUpdate.get(Update.updateId(kb, product)));
    }

    /** Whether the update is an optional release (never required; it still covers once installed). */
    public boolean isOptional(Update update) {
        CumulativeRole role = rolesByUpdate.get(update.updateId());
        return role != null && role.kind() == CumulativeRole.Kind.OPTIONAL_CUMULATIVE;
    }

    /**
     * The cumulative packages that cover {@code update}: of the streams it belongs to, released on or after it,
     * other than its own KB; by release date.
     */
    public List<Coverer> coverersOf(Update update) {
        List<Coverer> result = new ArrayList<>();
        for (StreamKey stream : streamsOf(update)) {
            for (Coverer coverer : coverersFrom(stream, update.released())) {
                if (!coverer.kb().equals(update.kb())) {
                    result.add(coverer);
                }
            }
        }
        result.sort(BY_RELEASE);
        return result;
    }

    /**
     * {@link ServicingStreams#streamsOf}, with the product's name read once; and where a Windows 10+ cumulative
     * update is listed for the .NET Framework on its OS (up to version 1803 the OS's cumulative updates carried the
     * in-box .NET), that update of the .NET product is also in the OS's stream: later cumulative updates contain it.
     */
    List<StreamKey> streamsOf(Update update) {
        ServicedProduct product = servicedProducts.computeIfAbsent(update.product(), ServicedProduct::of);
        List<StreamKey> streams = ServicingStreams.streamsOf(update, product);
        if (product.component() == ServicedProduct.Component.DOT_NET
                && product.osKind() == ServicedProduct.OsServicing.CUMULATIVE_UPDATES
                && osPackages.contains(update.kb() + "|" + ServicingStreams.key(product.os()))) {
            streams.add(new StreamKey(CumulativeRole.Scope.OS_STREAM, ServicingStreams.key(product.os())));
        }
        return streams;
    }

    /** The cumulative packages of {@code stream} released on or after {@code date}, by release date. */
    List<Coverer> coverersFrom(StreamKey stream, LocalDate date) {
        List<Coverer> coverers = coverersByStream.getOrDefault(stream, List.of());
        int low = 0;
        int high = coverers.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (coverers.get(middle).released().isBefore(date)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return coverers.subList(low, coverers.size());
    }

    @Override
    public String toString() {
        return "CumulativeServicing[" + rolesByUpdate.size() + " cumulative packages in " + coverersByStream.size() + " streams]";
    }
}

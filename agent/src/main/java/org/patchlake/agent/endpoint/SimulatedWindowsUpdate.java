package org.patchlake.agent.endpoint;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.patchlake.core.protocol.MissingUpdate;
import org.patchlake.core.protocol.WindowsUpdateSearchSource;
import org.patchlake.core.protocol.WindowsUpdateVerdict;

/**
 * A simulated machine's Windows Update Agent: what {@code IUpdateSearcher.Search("IsInstalled=0 and Type='Software'")}
 * would list, worked out from the fleet's shared offers and the machine's installed updates. An offer is missing
 * when it is released, not installed, and not covered: neither an installed update that supersedes it (for the same
 * product, transitively) nor an installed package of its cumulative line released on or after it. An update that
 * waits for a restart is installed for Windows Update. Like Windows Update, only what no other missing update replaces
 * is listed: of a cumulative line, the newest package.
 */
final class SimulatedWindowsUpdate {
    private final SimulatedMachine.WindowsUpdate setup;
    private final WindowsUpdateOffers offers;

    SimulatedWindowsUpdate(SimulatedMachine.WindowsUpdate setup, WindowsUpdateOffers offers) {
        this.setup = requireNonNull(setup, "setup is null");
        this.offers = requireNonNull(offers, "offers is null");
    }

    /** The answer at {@code now} for a machine with these updates installed (or waiting for a restart). */
    WindowsUpdateVerdict search(Set<String> installed, Instant now) {
        if (setup.searchError() != null) {
            return new WindowsUpdateVerdict(WindowsUpdateSearchSource.ONLINE, now, List.of(), setup.searchError(),
                "simulated: the search failed with " + setup.searchError());
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, MissingUpdate> missing = new TreeMap<>();
        for (String product : setup.products()) {
            for (WindowsUpdateOffers.Offer offer : listed(product, installed, today)) {
                missing.putIfAbsent(offer.kb(), missingUpdate(product, offer));
            }
        }
        for (WindowsUpdateOffers.Offer extra : setup.extra()) {
            if (!extra.released().isAfter(today) && !installed.contains(extra.kb())) {
                missing.putIfAbsent(extra.kb(), missingUpdate("", extra));
            }
        }
        setup.hidden().forEach(missing::remove);
        return new WindowsUpdateVerdict(WindowsUpdateSearchSource.ONLINE, now, new ArrayList<>(missing.values()), null, null);
    }

    private List<WindowsUpdateOffers.Offer> listed(String product, Set<String> installed, LocalDate today) {
        List<WindowsUpdateOffers.Offer> all = offers.offersFor(product);
        Map<String, LocalDate> newestInstalled = new HashMap<>();
        for (WindowsUpdateOffers.Offer offer : all) {
            if (offer.line() != null && installed.contains(offer.kb())) {
                newestInstalled.merge(offer.line(), offer.released(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        List<WindowsUpdateOffers.Offer> candidates = new ArrayList<>();
        Set<String> candidateKbs = new HashSet<>();
        Map<String, LocalDate> newestCandidate = new HashMap<>();
        for (WindowsUpdateOffers.Offer offer : all) {
            if (offer.released().isAfter(today) || covered(product, offer, installed, newestInstalled)) {
                continue;
            }
            candidates.add(offer);
            candidateKbs.add(offer.kb());
            if (offer.line() != null) {
                newestCandidate.merge(offer.line(), offer.released(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        List<WindowsUpdateOffers.Offer> listed = new ArrayList<>();
        for (WindowsUpdateOffers.Offer offer : candidates) {
            boolean replaced = offers.supersedersOf(product, offer.kb()).stream().anyMatch(candidateKbs::contains)
                || offer.line() != null && newestCandidate.get(offer.line()).isAfter(offer.released());
            if (!replaced) {
                listed.add(offer);
            }
        }
        return listed;
    }

    private boolean covered(String product, WindowsUpdateOffers.Offer offer, Set<String> installed,
                            Map<String, LocalDate> newestInstalled) {
        if (installed.contains(offer.kb())) {
            return true;
        }
        for (String superseder : offers.supersedersOf(product, offer.kb())) {
            if (installed.contains(superseder)) {
                return true;
            }
        }
        LocalDate newest = offer.line() == null ? null : newestInstalled.get(offer.line());
        return newest != null && !newest.isBefore(offer.released());
    }

    private static MissingUpdate missingUpdate(String product, WindowsUpdateOffers.Offer offer) {
        String identity = UUID.nameUUIDFromBytes((offer.kb() + "|" + product).getBytes(StandardCharsets.UTF_8)).toString();
        return new MissingUpdate(offer.kb(), offer.title(), identity, offer.classification(), offer.severity());
    }
}

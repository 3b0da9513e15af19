package org.patchlake.agent.endpoint;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * would list, worked out from the fleet's shared offers and the machine's installed updates. An offer is missing when
 * it is released, not installed and not covered by an installed update (one that supersedes it or a later cumulative
 * package of its stream: {@link WindowsUpdateOffers.Offer#coveredBy()}). Like Windows Update, only what no other missing security update covers is listed: of a cumulative
 * stream, the newest package (an optional preview is listed beside the security update it would cover, not instead).
 */
final class SimulatedWindowsUpdate {
    private final SimulatedMachine.WindowsUpdate setup;
    private final WindowsUpdateOffers offers;

    SimulatedWindowsUpdate(SimulatedMachine.WindowsUpdate setup, WindowsUpdateOffers offers) {
        this.setup = requireNonNull(setup, "setup is null");
        this.offers = requireNonNull(offers, "offers is null");
    }

    /** The answer at {@code now} for a machine with these updates installed. */
    WindowsUpdateVerdict search(Set<String> installed, Instant now) {
        if (setup.searchError() != null) {
            return new WindowsUpdateVerdict(WindowsUpdateSearchSource.ONLINE, now, List.of(), setup.searchError(),
                "simulated: the search failed with " + setup.searchError());
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<WindowsUpdateOffers.Offer> candidates = new ArrayList<>();
        Map<WindowsUpdateOffers.Offer, String> products = new java.util.HashMap<>();
        Set<String> candidateKbs = new HashSet<>();
        for (String product : setup.products()) {
            for (WindowsUpdateOffers.Offer offer : offers.offersFor(product)) {
                if (!offer.released().isAfter(today) && !covered(offer, installed)) {
                    candidates.add(offer);
                    products.put(offer, product);
                    if (offer.isSecurityUpdate()) {
                        candidateKbs.add(offer.kb());
                    }
                }
            }
        }
        Map<String, MissingUpdate> missing = new TreeMap<>();
        for (WindowsUpdateOffers.Offer offer : candidates) {
            if (offer.coveredBy().stream().noneMatch(candidateKbs::contains)) {
                missing.putIfAbsent(offer.kb(), missingUpdate(products.get(offer), offer));
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

    private static boolean covered(WindowsUpdateOffers.Offer offer, Set<String> installed) {
        if (installed.contains(offer.kb())) {
            return true;
        }
        for (String coverer : offer.coveredBy()) {
            if (installed.contains(coverer)) {
                return true;
            }
        }
        return false;
    }

    private static MissingUpdate missingUpdate(String product, WindowsUpdateOffers.Offer offer) {
        String identity = UUID.nameUUIDFromBytes((offer.kb() + "|" + product).getBytes(StandardCharsets.UTF_8)).toString();
        return new MissingUpdate(offer.kb(), offer.title(), identity, offer.classification(), offer.severity());
    }
}

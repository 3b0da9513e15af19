package org.patchlake.sample.fleet;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.Update;

/**
 * The updates one machine installs, with their days, up to the end of the simulation, the way machines patch: of each
 * cumulative line only the newest package its owner has got round to (released at least its lag ago: a few days for
 * diligent machines, months for laggards; an abandoned machine stopped years ago), now and then one release behind on a
 * line, a few with an out-of-band package beside it; standalone updates one by one, after a lag of their own, rarely
 * one that something newer had already replaced.
 */
final class PatchHistory {
    /** Machines that also installed an out-of-band package of a line (a side branch next to the monthly ones). */
    static final double OUT_OF_BAND_SHARE = 0.04;

    private final Catalog catalog;

    PatchHistory(Catalog catalog) {
        this.catalog = catalog;
    }

    /** KB -> day installed (on or before {@code end}); days after {@code today} are installs during the simulation. */
    Map<String, LocalDate> of(List<ProductServicing> products, PatchProfile profile, LocalDate today, LocalDate end,
                              Random random) {
        LocalDate stop = profile == PatchProfile.ABANDONED ? today.minusDays(Weighted.between(random, 365, 4 * 365)) : end;
        int lag = Weighted.between(random, profile.minLagDays(), profile.maxLagDays());
        boolean outOfBand = random.nextDouble() < OUT_OF_BAND_SHARE;
        Map<String, LocalDate> installed = new TreeMap<>();
        for (ProductServicing servicing : products) {
            for (ProductServicing.Line line : servicing.lines()) {
                cumulative(line, lag, today, stop, outOfBand, installed, random.nextDouble() > profile.installChance());
            }
            for (Update update : servicing.standalone()) {
                LocalDate installedOn = update.released().plusDays(
                    Weighted.between(random, profile.minLagDays(), profile.maxLagDays()));
                if (installedOn.isAfter(stop) || random.nextDouble() > profile.installChance()) {
                    continue;
                }
                // a machine rarely installs what was already replaced when it got round to it
                if (supersededBefore(update, installedOn) && random.nextDouble() < 0.8) {
                    continue;
                }
                installed.merge(update.kb(), installedOn, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return installed;
    }

    /**
     * The newest package of the line installed {@code lag} days after its release by today (one older when
     * {@code behind}), and each newer one on its day during the simulation.
     */
    private static void cumulative(ProductServicing.Line line, int lag, LocalDate today, LocalDate stop, boolean outOfBand,
                                   Map<String, LocalDate> installed, boolean behind) {
        LocalDate now = stop.isBefore(today) ? stop : today;
        LocalDate cutoff = now.minusDays(lag);
        Update newest = line.newestBy(cutoff);
        if (newest != null && behind) {
            newest = line.newestBy(newest.released().minusDays(1));
        }
        if (newest != null) {
            installed.put(newest.kb(), newest.released().plusDays(lag));
            Update sideBranch = outOfBand ? line.newestOutOfBandBy(cutoff) : null;
            if (sideBranch != null && !sideBranch.kb().equals(newest.kb())) {
                installed.putIfAbsent(sideBranch.kb(), sideBranch.released().plusDays(Math.min(lag, 3)));
            }
        }
        for (Update update : line.packages()) {
            LocalDate day = update.released().plusDays(lag);
            if (day.isAfter(now) && !day.isAfter(stop)) {
                installed.put(update.kb(), day);
            }
        }
    }

    private boolean supersededBefore(Update update, LocalDate date) {
        for (String superseder : catalog.directSupersedersOf(update.kb(), update.product())) {
            var newer = catalog.update(superseder, update.product());
            if (newer.isPresent() && !newer.get().released().isAfter(date)) {
                return true;
            }
        }
        return false;
    }
}

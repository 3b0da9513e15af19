package org.patchlake.sample;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.Update;
import org.patchlake.sample.simulate.Milestone;

/**
 * The weeks the demo plays: by default from ten days before the catalog's last Patch Tuesday to six days after it
 * (long enough for a contractor who left on the first day to be silent for two weeks at the end, short enough for
 * the demo to finish in minutes), so the fleet settles, the release lands (machines become REQUIRED for the new
 * updates and patch over the following days at their own pace), and two days later an administrator remediates
 * the worst new bulletin.
 *
 * @param start       simulated start (the fleet's patch history reaches it)
 * @param end         simulated end (ETL evaluates as of this moment)
 * @param patchTuesday the Patch Tuesday inside the window, or null when the catalog has none there
 */
record DemoScenario(Instant start, Instant end, LocalDate patchTuesday) {
    static final Duration BEFORE = Duration.ofDays(10);
    static final Duration AFTER = Duration.ofDays(6);

    DemoScenario {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
    }

    /** The window around the catalog's latest Patch Tuesday; {@code start} overrides its beginning. */
    static DemoScenario around(Catalog catalog, Instant startOrNull, Duration spanOrNull) {
        LocalDate tuesday = latestPatchTuesday(catalog);
        Instant start = startOrNull != null ? startOrNull
            : tuesday.atStartOfDay(ZoneOffset.UTC).toInstant().minus(BEFORE);
        Instant end = start.plus(spanOrNull != null ? spanOrNull : BEFORE.plus(AFTER));
        LocalDate inside = null;
        for (LocalDate day = secondTuesday(LocalDate.ofInstant(start, ZoneOffset.UTC)); !day.atStartOfDay(ZoneOffset.UTC)
            .toInstant().isAfter(end); day = secondTuesday(day.plusMonths(1).withDayOfMonth(1))) {
            if (!day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(start) && released(catalog, day) > 0) {
                inside = day;
            }
        }
        return new DemoScenario(start, end, inside);
    }

    Duration span() {
        return Duration.between(start, end);
    }

    /** What happens besides the agents' own work: the release, and the remediation wave two days after it. */
    List<Milestone> milestones(Catalog catalog, Milestone.Action remediationWave) {
        List<Milestone> milestones = new ArrayList<>();
        if (patchTuesday == null) {
            return milestones;
        }
        Instant release = patchTuesday.atTime(17, 0).toInstant(ZoneOffset.UTC);
        milestones.add(new Milestone(release, "Patch Tuesday", () -> System.err.printf(
            "simulate: %s Patch Tuesday: %,d updates of %,d bulletins released; machines patch at their own pace%n",
            release, released(catalog, patchTuesday), bulletins(catalog, patchTuesday))));
        Instant wave = patchTuesday.plusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC);
        if (wave.isBefore(end)) {
            milestones.add(new Milestone(wave, "remediation wave", remediationWave));
        }
        return milestones;
    }

    static long released(Catalog catalog, LocalDate day) {
        return catalog.updates().stream().filter(update -> day.equals(update.released())).count();
    }

    private static int bulletins(Catalog catalog, LocalDate day) {
        Set<String> bulletins = new TreeSet<>();
        for (Update update : catalog.updates()) {
            if (day.equals(update.released())) {
                bulletins.add(update.bulletinId());
            }
        }
        return bulletins.size();
    }

    /** The latest second Tuesday of a month on which the catalog released updates (today's month if none). */
    static LocalDate latestPatchTuesday(Catalog catalog) {
        LocalDate newest = catalog.updates().stream().map(Update::released).filter(java.util.Objects::nonNull)
            .max(LocalDate::compareTo).orElse(LocalDate.now(ZoneOffset.UTC));
        for (LocalDate month = newest.withDayOfMonth(1); month.isAfter(newest.minusYears(2)); month = month.minusMonths(1)) {
            LocalDate tuesday = secondTuesday(month);
            if (!tuesday.isAfter(newest) && released(catalog, tuesday) > 0) {
                return tuesday;
            }
        }
        return secondTuesday(newest.withDayOfMonth(1));
    }

    private static LocalDate secondTuesday(LocalDate inMonth) {
        return inMonth.withDayOfMonth(1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
    }
}

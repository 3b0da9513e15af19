package org.patchlake.core.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Collects what the rows of one KB say about its release. wesng rows carry the date of their CVE: a cumulative
 * update also lists older CVEs (earlier dates) and re-published CVEs (later dates). The release date is the
 * most frequent DatePosted of the KB's rows (ties: the earliest); the revision date is the latest one.
 * The title is the most frequent title among the rows of the KB's highest severity.
 */
final class KbAccumulator {
    final String kb;
    private final Map<String, UpdateAccumulator> updatesByProduct = new LinkedHashMap<>(4);
    private final Map<LocalDate, Integer> dates = new HashMap<>(4);
    private final Map<String, Integer> titlesAtSeverity = new HashMap<>(4);
    private final Set<String> titles = new HashSet<>(4);
    private Severity severity = Severity.UNRATED;

    KbAccumulator(String kb) {
        this.kb = kb;
    }

    UpdateAccumulator update(String product, UnaryOperator<String> intern) {
        UpdateAccumulator update = updatesByProduct.get(product);
        if (update == null) {
            update = new UpdateAccumulator(kb, intern.apply(product));
            updatesByProduct.put(update.product, update);
        }
        return update;
    }

    Collection<UpdateAccumulator> updates() {
        return updatesByProduct.values();
    }

    void add(LocalDate date, String title, Severity rowSeverity) {
        dates.merge(date, 1, Integer::sum);
        if (!title.isEmpty()) {
            titles.add(title);
        }
        if (rowSeverity.isHigherThan(severity)) {
            severity = rowSeverity;
            titlesAtSeverity.clear();
        }
        if (rowSeverity == severity && !title.isEmpty()) {
            titlesAtSeverity.merge(title, 1, Integer::sum);
        }
    }

    LocalDate released() {
        LocalDate best = null;
        int bestCount = 0;
        for (Map.Entry<LocalDate, Integer> entry : dates.entrySet()) {
            int count = entry.getValue();
            if (count > bestCount || count == bestCount && entry.getKey().isBefore(best)) {
                best = entry.getKey();
                bestCount = count;
            }
        }
        return best;
    }

    /** The distinct dates of its rows. */
    Set<LocalDate> postedDates() {
        return dates.keySet();
    }

    /** The vulnerability ids of its rows, over all its products. */
    Set<String> vulnerabilityIds() {
        Set<String> ids = new HashSet<>();
        updatesByProduct.values().forEach(update -> ids.addAll(update.cves));
        return ids;
    }

    LocalDate lastPosted() {
        return dates.keySet().stream().max(LocalDate::compareTo).orElseThrow();
    }

    /** One title: the rows' title when they share one, else the most telling one and how many others there are. */
    String title() {
        String main = MostFrequent.of(titlesAtSeverity);
        if (main.isEmpty()) {
            main = titles.stream().sorted().findFirst().orElse("");
        }
        return titles.size() > 1 ? main + " (+" + (titles.size() - 1) + " more)" : main;
    }
}

package org.patchlake.core.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Derives bulletins from their updates: the highest severity, earliest release, distinct CVEs, flags. */
final class BulletinDerivation {
    private BulletinDerivation() {
    }

    private static final BulletinDetails NO_DETAILS = new BulletinDetails("", null);

    static List<Bulletin> derive(Catalog catalog, Map<String, BulletinDetails> details) {
        Map<String, List<Update>> byBulletin = new LinkedHashMap<>();
        for (Update update : catalog.updates()) {
            byBulletin.computeIfAbsent(update.bulletinId(), id -> new ArrayList<>()).add(update);
        }
        List<Bulletin> bulletins = new ArrayList<>(byBulletin.size());
        for (Map.Entry<String, List<Update>> entry : byBulletin.entrySet()) {
            bulletins.add(derive(entry.getKey(), entry.getValue(), catalog,
                    details.getOrDefault(entry.getKey(), NO_DETAILS)));
        }
        return bulletins;
    }

    private static Bulletin derive(String bulletinId, List<Update> updates, Catalog catalog,
            BulletinDetails details) {
        Severity severity = Severity.UNRATED;
        String impact = "";
        LocalDate released = LocalDate.MAX;
        Set<String> cves = new HashSet<>();
        boolean exploited = false;
        boolean superseded = true;
        for (Update update : updates) {
            if (update.severity().isHigherThan(severity) || impact.isEmpty() && update.severity() == severity) {
                severity = Severity.max(severity, update.severity());
                impact = update.impact();
            }
            if (update.released().isBefore(released)) {
                released = update.released();
            }
            cves.addAll(update.cves());
            exploited |= update.exploited();
            superseded &= catalog.isSuperseded(update.kb(), update.product());
        }
        LocalDate revised = details.revised() != null && details.revised().isAfter(released) ? details.revised() : null;
        return new Bulletin(bulletinId, details.title(), severity, impact, released, revised, cves.size(), exploited,
                superseded, updates.size());
    }
}

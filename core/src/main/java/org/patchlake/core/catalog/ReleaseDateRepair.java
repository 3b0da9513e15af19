package org.patchlake.core.catalog;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the real release of KBs whose rows carry only a re-publication date. wesng's DatePosted is the date of a
 * row's vulnerability: when Microsoft revises a vulnerability, every row of it, for every KB, carries the revision
 * date. A KB whose rows all carry one date D, where each of its vulnerabilities carries only D on all of its rows,
 * shows nothing but that revision: the February 2019 .NET rollup KB4487078 is dated 2019-12-19 in the data. Its
 * release is then the latest of its vulnerabilities' first releases, each being the earliest release of another
 * KB fixing it that has dates of its own (KB4487017, 2019-02-12). Never later than D, and never later than the
 * release of a KB that supersedes it (by that KB's own dates): July 2021's out-of-band update KB5004947 for Windows
 * Server 2019, whose only rows are dated 2023-06-13, is superseded by the July 2021 cumulative update KB5004244.
 */
final class ReleaseDateRepair {
    /** One repaired release date. */
    record Repair(String kb, LocalDate posted, LocalDate released) {
        Repair {
            requireNonNull(kb, "kb is null");
            requireNonNull(posted, "posted is null");
            requireNonNull(released, "released is null");
        }
    }

    /** Vulnerability id -> its only date, or {@link LocalDate#MAX} once its rows carry two dates. */
    private final Map<String, LocalDate> onlyDateOfId = new HashMap<>();

    void observe(String id, LocalDate date) {
        onlyDateOfId.merge(id, date, (first, second) -> first.equals(second) ? first : LocalDate.MAX);
    }

    /**
     * @param released KB -> release from its own rows (the most frequent date)
     * @param dates    KB -> distinct dates of its rows
     * @param ids      KB -> vulnerability ids of its rows
     * @param supersededBy KB -> the KBs whose rows list it as superseded (any product)
     * @return the repairs, KB order as given
     */
    List<Repair> repair(Map<String, LocalDate> released, Map<String, Set<LocalDate>> dates, Map<String, Set<String>> ids,
            Map<String, Set<String>> supersededBy) {
        Set<String> revisionOnly = new HashSet<>();
        Map<String, List<String>> fixers = new HashMap<>();
        for (Map.Entry<String, Set<String>> entry : ids.entrySet()) {
            String kb = entry.getKey();
            Set<LocalDate> kbDates = dates.get(kb);
            if (!entry.getValue().isEmpty() && kbDates.size() == 1) {
                LocalDate only = kbDates.iterator().next();
                if (entry.getValue().stream().allMatch(id -> only.equals(onlyDateOfId.get(id)))) {
                    revisionOnly.add(kb);
                }
            }
            entry.getValue().forEach(id -> fixers.computeIfAbsent(id, key -> new ArrayList<>()).add(kb));
        }
        List<Repair> repairs = new ArrayList<>();
        for (String kb : released.keySet()) {
            if (!revisionOnly.contains(kb)) {
                continue;
            }
            LocalDate posted = released.get(kb);
            LocalDate latestFirst = LocalDate.MIN;
            for (String id : ids.get(kb)) {
                latestFirst = max(latestFirst, firstRelease(id, posted, fixers.get(id), revisionOnly, released));
            }
            // what supersedes it was released after it: a superseder with dates of its own bounds its release
            latestFirst = firstRelease(kb, latestFirst, supersededBy.getOrDefault(kb, Set.of()), revisionOnly, released);
            if (latestFirst.isBefore(posted)) {
                repairs.add(new Repair(kb, posted, latestFirst));
            }
        }
        return repairs;
    }

    private static LocalDate firstRelease(String id, LocalDate posted, Collection<String> fixers, Set<String> revisionOnly,
            Map<String, LocalDate> released) {
        LocalDate first = posted;
        for (String other : fixers) {
            if (!revisionOnly.contains(other)) {
                LocalDate date = released.get(other);
                if (date != null && date.isBefore(first)) {
                    first = date;
                }
            }
        }
        return first;
    }

    private static LocalDate max(LocalDate first, LocalDate second) {
        return first.isAfter(second) ? first : second;
    }
}

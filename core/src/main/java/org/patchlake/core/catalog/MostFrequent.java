package org.patchlake.core.catalog;

import java.util.Map;

/** The most frequent key of a count map; ties go to the alphabetically first key, so results are stable. */
final class MostFrequent {
    private MostFrequent() {
    }

    static String of(Map<String, Integer> counts) {
        String best = "";
        int bestCount = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            int count = entry.getValue();
            if (count > bestCount || count == bestCount && entry.getKey().compareTo(best) < 0) {
                best = entry.getKey();
                bestCount = count;
            }
        }
        return best;
    }
}

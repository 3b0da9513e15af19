package org.patchlake.sample.fleet;

import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/** Weighted random choice. */
final class Weighted {
    private Weighted() {
    }

    static <T> T pick(List<T> items, ToDoubleFunction<T> weight, Random random) {
        double total = 0;
        for (T item : items) {
            total += weight.applyAsDouble(item);
        }
        double r = random.nextDouble() * total;
        for (T item : items) {
            r -= weight.applyAsDouble(item);
            if (r < 0) {
                return item;
            }
        }
        return items.get(items.size() - 1);
    }

    static int between(Random random, int min, int maxInclusive) {
        return min + random.nextInt(maxInclusive - min + 1);
    }
}

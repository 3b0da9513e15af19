package org.patchlake.core.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * KBs that supersede each other in a circle for one product (found in real data, e.g. two updates that list
 * each other). Every member counts as superseded by the others; the catalog reports the cycle, it never loops.
 */
public record SupersedenceCycle(String product, List<String> kbs) {
    public SupersedenceCycle {
        requireNonNull(product, "product is null");
        kbs = List.copyOf(kbs);
    }

    @Override
    public String toString() {
        return product + ": " + String.join(" -> ", kbs);
    }
}

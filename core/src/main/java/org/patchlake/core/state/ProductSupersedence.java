package org.patchlake.core.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.Update;

/**
 * The supersedence closure of one product as bit sets over the product's KBs numbered in KB id order, so
 * "is any superseder installed, and which is the smallest" is a few word operations per update instead of a
 * set lookup per superseder (a 2009 Windows 7 update has hundreds of superseders).
 */
final class ProductSupersedence {
    private final Map<String, Integer> indexOfKb = new HashMap<>();
    private final String[] kbs;
    private final Map<String, long[]> supersedersOfKb = new HashMap<>();
    private final int words;

    ProductSupersedence(Catalog catalog, String product) {
        Set<String> all = new TreeSet<>();
        Map<String, Set<String>> closure = new HashMap<>();
        for (Update update : catalog.updatesForProduct(product)) {
            Set<String> superseders = catalog.supersedersOf(update.kb(), product);
            if (!superseders.isEmpty()) {
                closure.put(update.kb(), superseders);
                all.addAll(superseders);
            }
        }
        this.kbs = all.toArray(new String[0]);
        for (int i = 0; i < kbs.length; i++) {
            indexOfKb.put(kbs[i], i);
        }
        this.words = (kbs.length + 63) / 64;
        closure.forEach((kb, superseders) -> {
            long[] bits = new long[words];
            for (String superseder : superseders) {
                int index = indexOfKb.get(superseder);
                bits[index >>> 6] |= 1L << index;
            }
            supersedersOfKb.put(kb, bits);
        });
    }

    /** {@code kbs} among this product's superseders as bits, or-ed with {@code also}. */
    long[] bitsOf(Set<String> kbs, long[] also) {
        long[] bits = bitsOf(kbs);
        for (int word = 0; word < words; word++) {
            bits[word] |= also[word];
        }
        return bits;
    }

    /** The computer's KBs among this product's superseders, as bits. */
    long[] bitsOf(Set<String> installedKbs) {
        long[] bits = new long[words];
        if (installedKbs.size() < kbs.length) {
            for (String kb : installedKbs) {
                Integer index = indexOfKb.get(kb);
                if (index != null) {
                    bits[index >>> 6] |= 1L << index;
                }
            }
        } else {
            for (int index = 0; index < kbs.length; index++) {
                if (installedKbs.contains(kbs[index])) {
                    bits[index >>> 6] |= 1L << index;
                }
            }
        }
        return bits;
    }

    /**
     * The smallest installed superseder of {@code kb} that is not waiting for a restart, else the smallest
     * one that is, else null; {@code pendingOut[0]} says which of the two was returned.
     */
    String installedSuperseder(String kb, long[] installed, long[] pending, boolean[] pendingOut) {
        long[] superseders = supersedersOfKb.get(kb);
        if (superseders == null) {
            return null;
        }
        int firstPending = -1;
        for (int word = 0; word < words; word++) {
            long both = superseders[word] & installed[word];
            if (both == 0) {
                continue;
            }
            long full = both & ~pending[word];
            if (full != 0) {
                pendingOut[0] = false;
                return kbs[(word << 6) + Long.numberOfTrailingZeros(full)];
            }
            if (firstPending < 0) {
                firstPending = (word << 6) + Long.numberOfTrailingZeros(both);
            }
        }
        if (firstPending < 0) {
            return null;
        }
        pendingOut[0] = true;
        return kbs[firstPending];
    }

    /** The smallest superseder of {@code kb} among {@code among}, or null. */
    String smallestSuperseder(String kb, long[] among) {
        long[] superseders = supersedersOfKb.get(kb);
        if (superseders == null) {
            return null;
        }
        for (int word = 0; word < words; word++) {
            long both = superseders[word] & among[word];
            if (both != 0) {
                return kbs[(word << 6) + Long.numberOfTrailingZeros(both)];
            }
        }
        return null;
    }
}

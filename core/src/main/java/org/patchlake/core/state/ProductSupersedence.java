package org.patchlake.core.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.DotNetVersions;
import org.patchlake.core.catalog.ServicedProduct;
import org.patchlake.core.catalog.ServicingStreams;
import org.patchlake.core.catalog.Update;

/**
 * What makes each update of one product count as installed, as bit sets over the KBs involved numbered in KB id
 * order: the KBs that supersede it (published) or cover it (cumulative servicing), {@link Catalog#coveredBy}. So
 * "is any of them installed, and which is the smallest" is a few word operations per update instead of a set
 * lookup per KB (a 2009 Windows 7 update has hundreds). Built once per product; also knows the product's
 * optional releases, which are never derived.
 */
final class ProductSupersedence {
    private final Map<String, Integer> indexOfKb = new HashMap<>();
    private final String[] kbs;
    private final Map<String, long[]> supersedersOfKb = new HashMap<>();
    /** By position in {@code catalog.updatesForProduct(product)}: the covering bits (null: none), so derivation needs no lookup. */
    private final long[][] coveringAt;
    /** By position: whether the update is an optional release; null when the product has none. */
    private final boolean[] optionalAt;
    /** By position: the .NET Framework versions of its component (0: not a .NET row); null when the product has none. */
    private final long[] dotNetAt;
    /** KB -> its position in {@code catalog.updatesForProduct(product)}. */
    private final Map<String, Integer> positionOfKb = new HashMap<>();
    private final Set<String> optionalKbs;
    /** KB -> the .NET Framework versions of its component, for updates listed under an OS product with a .NET component. */
    private final Map<String, Long> dotNetComponentOfKb;
    /** Product name -> its .NET Framework versions, for the ".NET Framework ... on <this OS>" products of the catalog. */
    private final Map<String, Long> dotNetProducts;
    private final int words;

    ProductSupersedence(Catalog catalog, String product) {
        Set<String> all = new TreeSet<>();
        Map<String, Set<String>> closure = new HashMap<>();
        Set<String> optional = new java.util.HashSet<>();
        for (Update update : catalog.updatesForProduct(product)) {
            Set<String> superseders = catalog.coveredBy(update.kb(), product);
            if (!superseders.isEmpty()) {
                closure.put(update.kb(), superseders);
                all.addAll(superseders);
            }
            if (catalog.servicing().isOptional(update)) {
                optional.add(update.kb());
            }
        }
        this.optionalKbs = optional.isEmpty() ? Set.of() : Set.copyOf(optional);
        Map<String, Long> dotNetComponents = new HashMap<>();
        ServicedProduct serviced = ServicedProduct.of(product);
        if (serviced.component() == ServicedProduct.Component.OS) {
            for (Update update : catalog.updatesForProduct(product)) {
                long mask = DotNetVersions.maskOf(update.component());
                if (mask != 0) {
                    dotNetComponents.put(update.kb(), mask);
                }
            }
        }
        this.dotNetComponentOfKb = dotNetComponents;
        Map<String, Long> dotNetProductMasks = new HashMap<>();
        if (!dotNetComponents.isEmpty()) {
            String osKey = ServicingStreams.key(product);
            for (String other : catalog.products()) {
                if (!other.contains(".NET")) {
                    continue;
                }
                ServicedProduct otherKind = ServicedProduct.of(other);
                if (otherKind.component() == ServicedProduct.Component.DOT_NET && ServicingStreams.key(otherKind.os()).equals(osKey)) {
                    dotNetProductMasks.put(other, DotNetVersions.maskOf(other));
                }
            }
        }
        this.dotNetProducts = dotNetProductMasks;
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
        java.util.List<Update> updates = catalog.updatesForProduct(product);
        this.coveringAt = new long[updates.size()][];
        this.optionalAt = optionalKbs.isEmpty() ? null : new boolean[updates.size()];
        this.dotNetAt = dotNetComponents.isEmpty() ? null : new long[updates.size()];
        for (int position = 0; position < updates.size(); position++) {
            String kb = updates.get(position).kb();
            positionOfKb.put(kb, position);
            coveringAt[position] = supersedersOfKb.get(kb);
            if (optionalAt != null) {
                optionalAt[position] = optionalKbs.contains(kb);
            }
            if (dotNetAt != null) {
                Long versions = dotNetComponents.get(kb);
                dotNetAt[position] = versions == null ? 0 : versions;
            }
        }
    }

    /** Whether some updates of this OS product are for a .NET Framework version (the bulletin era listed them so). */
    boolean hasDotNetComponents() {
        return !dotNetComponentOfKb.isEmpty();
    }

    /** The .NET Framework versions the computer has on this OS, from its ".NET Framework ... on <OS>" products; 0 if none. */
    long dotNetVersionsOf(Set<String> products) {
        long mask = 0;
        for (String product : products) {
            Long versions = dotNetProducts.get(product);
            if (versions != null) {
                mask |= versions;
            }
        }
        return mask;
    }

    /**
     * Whether an update of this OS product whose component is a .NET Framework version the computer does not have
     * (it has others: {@code computerVersions} not 0) is for a product the computer lacks.
     */
    boolean isForAbsentDotNet(String kb, long computerVersions) {
        if (computerVersions == 0) {
            return false;
        }
        Long versions = dotNetComponentOfKb.get(kb);
        return versions != null && (versions & computerVersions) == 0;
    }

    /** The position of {@code kb} in {@code catalog.updatesForProduct(product)}, or -1. */
    int positionOf(String kb) {
        Integer position = positionOfKb.get(kb);
        return position == null ? -1 : position;
    }

    /**
     * Whether the update at {@code position} is never derived for a computer with .NET Framework versions
     * {@code computerDotNet} on this OS: an optional release, or a .NET row of a version the computer lacks.
     */
    boolean isSkipped(int position, long computerDotNet) {
        if (optionalAt != null && optionalAt[position]) {
            return true;
        }
        if (dotNetAt != null && computerDotNet != 0) {
            long versions = dotNetAt[position];
            return versions != 0 && (versions & computerDotNet) == 0;
        }
        return false;
    }

    /** Whether {@code kb} is an optional release of this product (never derived, never planned). */
    boolean isOptional(String kb) {
        return optionalKbs.contains(kb);
    }

    /** The KBs that supersede or cover {@code kb} for this product, as bits; null when none do. */
    long[] coveringOf(String kb) {
        return supersedersOfKb.get(kb);
    }

    /** The KB of bit {@code index}. */
    String kbAt(int index) {
        return kbs[index];
    }

    /** The bit of {@code kb}, or -1 when no update of this product is superseded or covered by it. */
    int indexOf(String kb) {
        Integer index = indexOfKb.get(kb);
        return index == null ? -1 : index;
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
     * The smallest installed superseder (or covering KB) of the update at {@code position} that is not waiting for a
     * restart, else the smallest one that is, else null; {@code pendingOut[0]} says which of the two was returned.
     */
    String installedSupersederAt(int position, long[] installed, long[] pending, boolean[] pendingOut) {
        return installedSuperseder(coveringAt[position], installed, pending, pendingOut);
    }

    private String installedSuperseder(long[] superseders, long[] installed, long[] pending, boolean[] pendingOut) {
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

    /** The smallest superseder (or covering KB) among {@code among} of the update at {@code position}, or null. */
    String smallestSupersederAt(int position, long[] among) {
        return smallestSuperseder(coveringAt[position], among);
    }

    private String smallestSuperseder(long[] superseders, long[] among) {
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

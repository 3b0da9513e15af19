package org.patchlake.core.inventory;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalog products a computer is taken to have.
 *
 * @param osProduct      canonical OS product name ("Windows 10 Version 1809 for x64-based Systems"), null when
 *                       the OS is not one the catalog names
 * @param osSpellings    the OS product as the catalog spells it (several when the data has case or space
 *                       variants, e.g. "Windows 8.1 for x64-based Systems" and "... systems"); empty when the
 *                       catalog has no updates for it
 * @param components     in-box components the catalog lists as products of their own
 *                       ("Internet Explorer 11 on Windows 7 for x64-based Systems Service Pack 1")
 * @param notes          why a product is missing, and what was assumed
 */
public record IdentifiedProducts(String osProduct, List<String> osSpellings, List<String> components, List<String> notes) {
    public IdentifiedProducts {
        osSpellings = List.copyOf(osSpellings);
        components = List.copyOf(components);
        notes = List.copyOf(notes);
    }

    /** Every catalog product name: OS spellings, then components. */
    public List<String> catalogProducts() {
        List<String> all = new ArrayList<>(osSpellings);
        all.addAll(components);
        return all;
    }

    public boolean inCatalog() {
        return !osSpellings.isEmpty();
    }

    static IdentifiedProducts unknown(String note) {
        requireNonNull(note, "note is null");
        return new IdentifiedProducts(null, List.of(), List.of(), List.of(note));
    }
}

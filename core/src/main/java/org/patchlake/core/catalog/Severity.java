package org.patchlake.core.catalog;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Vendor severity of an update or bulletin. Declared from the most to the least severe; compare with
 * {@link #rank()} or {@link #BY_RANK} (never by ordinal). {@code UNRATED} is what an update gets when the
 * vendor gave no usable severity (empty, {@code None}, {@code System.Object[]}).
 */
public enum Severity {
    CRITICAL("Critical", 4),
    IMPORTANT("Important", 3),
    MODERATE("Moderate", 2),
    LOW("Low", 1),
    UNRATED("Unrated", 0);

    /** Ascending by rank: UNRATED first, CRITICAL last. */
    public static final Comparator<Severity> BY_RANK = Comparator.comparingInt(Severity::rank);

    private final String label;
    private final int rank;

    Severity(String label, int rank) {
        this.label = label;
        this.rank = rank;
    }

    /** The text shown to people and written to the warehouse: "Critical", ..., "Unrated". */
    public String label() {
        return label;
    }

    /** 4 for Critical down to 0 for Unrated. */
    public int rank() {
        return rank;
    }

    public boolean isHigherThan(Severity other) {
        return rank > other.rank;
    }

    public static Severity max(Severity first, Severity second) {
        return second.rank > first.rank ? second : first;
    }

    /**
     * Parses a vendor severity text ("Critical", "important", " Low "). Returns empty for anything that is
     * not one of the four vendor ratings (empty, "None", "System.Object[]", ...); the caller decides whether
     * that is an error. "Unrated" itself parses, so labels written by {@link #label()} read back.
     */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "critical": return Optional.of(CRITICAL);
            case "important": return Optional.of(IMPORTANT);
            case "moderate": return Optional.of(MODERATE);
            case "low": return Optional.of(LOW);
            case "unrated": return Optional.of(UNRATED);
            default: return Optional.empty();
        }
    }

    /** Like {@link #parse} but fails with a message naming the text; for values this system wrote itself. */
    public static Severity fromLabel(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a severity: '" + text + "'"));
    }
}

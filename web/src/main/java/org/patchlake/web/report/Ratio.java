package org.patchlake.web.report;

import java.util.Locale;

/** A percentage that always carries its counts: numerator / denominator. */
public record Ratio(long numerator, long denominator) {
    public Ratio {
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("ratio counts must not be negative: " + numerator + "/" + denominator);
        }
    }

    /** The percentage, or NaN when there is nothing to divide by. */
    public double percent() {
        return denominator == 0 ? Double.NaN : 100.0 * numerator / denominator;
    }

    /** "87.5 % (35 / 40)"; "– (0 / 0)" when the denominator is zero. */
    public String format() {
        String percent = denominator == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", percent());
        return percent + " (" + numerator + " / " + denominator + ")";
    }

    @Override
    public String toString() {
        return format();
    }
}

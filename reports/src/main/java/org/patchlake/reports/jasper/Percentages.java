package org.patchlake.reports.jasper;

/**
 * Percentages the templates print next to their denominators (DESIGN.md): compliance % = installed /
 * (applicable - exempt - unknown); strict % = installed / (applicable - exempt). Null when the denominator is 0,
 * printed as a dash, never as 0 % or 100 %.
 */
public final class Percentages {
    private Percentages() {
    }

    public static Double ratio(Number part, Number whole) {
        if (part == null || whole == null || whole.longValue() <= 0) {
            return null;
        }
        return part.doubleValue() / whole.doubleValue();
    }

    public static Double compliance(Number installed, Number applicable, Number exempt, Number unknown) {
        return ratio(installed, value(applicable) - value(exempt) - value(unknown));
    }

    public static Double strict(Number installed, Number applicable, Number exempt) {
        return ratio(installed, value(applicable) - value(exempt));
    }

    private static long value(Number number) {
        return number == null ? 0 : number.longValue();
    }
}

package org.patchlake.web.report;

import org.patchlake.web.layout.Formats;


import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * The SVG charts (no JavaScript, no CDN) as view models: this class computes every coordinate, already written as
 * the attribute text, and the templates under {@code charts/} draw them ({@code charts/chart.jte} picks the kind).
 */
public final class Charts {
    /** State names, in the order of the state bar's segments and their colours. */
    public static final List<String> STATES = List.of("installed", "pending reboot", "required", "failed", "exempt", "unknown");
    private static final List<String> COLOURS = List.of("#2e7d32", "#f9a825", "#c62828", "#6a1b9a", "#607d8b", "#bdbdbd");
    private static final List<String> SERIES_COLOURS = List.of("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a");
    private static final List<Integer> DAY_TICKS = List.of(0, 1, 3, 7, 14, 28, 56, 91, 182, 365);

    private Charts() {
    }

    /** A chart to draw, or the sentence said instead when there is too little to draw. */
    public sealed interface Chart permits StateBar, Bars, Line, Rollout, Nothing {
    }

    /** Instead of a chart: "nothing to show", "not enough history". */
    public record Nothing(String message) implements Chart {
    }

    /** @param note printed after the value, e.g. the counts behind a percentage ("(2 / 3)"); null for none */
    public record Bar(String label, double value, String href, String note) {
        public Bar(String label, double value, String href) {
            this(label, value, href, null);
        }
    }

    /** @param note shown with the value on hover, e.g. the counts behind a percentage; null for none */
    public record Point(String label, double value, String note) {
        public Point(String label, double value) {
            this(label, value, null);
        }
    }

    /** One curve of a rollout chart: points of (days since release, percent), each with its counts for the hover text. */
    public record Series(String name, List<double[]> points, List<String> notes) {
        public Series {
            points = List.copyOf(points);
            notes = Collections.unmodifiableList(new ArrayList<>(notes));
        }
    }

    /** One horizontal bar split by compliance state, with a legend carrying the counts. */
    public record StateBar(List<Segment> segments, List<LegendEntry> legend) implements Chart {
    }

    public record Segment(String x, String width, String colour, String title) {
    }

    /** @param swatch the index of the state's colour class ({@code s0}..{@code s5}) */
    public record LegendEntry(int swatch, String text) {
    }

    public static StateBar stateBar(Counts counts) {
        long[] values = {counts.installed(), counts.pendingReboot(), counts.required(), counts.failed(), counts.exempt(), counts.unknown()};
        double total = Math.max(1, counts.applicable());
        List<Segment> segments = new ArrayList<>();
        List<LegendEntry> legend = new ArrayList<>();
        double x = 0;
        for (int i = 0; i < values.length; i++) {
            double width = 600 * values[i] / total;
            if (width > 0) {
                segments.add(new Segment(fixed(2, x), fixed(2, width), COLOURS.get(i), STATES.get(i) + ": " + values[i]));
            }
            x += width;
            legend.add(new LegendEntry(i, STATES.get(i) + " " + Formats.number(values[i])));
        }
        return new StateBar(segments, legend);
    }

    /** Horizontal bars, one per label, scaled to the largest value. */
    public record Bars(int height, List<BarRow> rows) implements Chart {
    }

    /** A bar's label (a link when {@code href} is not null), its rectangle and its value text. */
    public record BarRow(String href, String label, int labelY, int y, String width, String valueX, int valueY, String value, String note) {
    }

    /** Bars scaled to the largest value, each labelled with its value, {@code unit} and note; bars link when given an href. */
    public static Chart bars(List<Bar> bars, String unit) {
        if (bars.isEmpty()) {
            return new Nothing("nothing to show");
        }
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        int rowHeight = 22;
        List<BarRow> rows = new ArrayList<>(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double width = max <= 0 ? 0 : 170 * bar.value() / max;
            int y = i * rowHeight + 2;
            rows.add(new BarRow(bar.href(), bar.label(), y + 14, y, fixed(2, width), fixed(2, 185 + width), y + 13,
                    Formats.decimal(bar.value()) + " " + unit, bar.note()));
        }
        return new Bars(bars.size() * rowHeight + 4, rows);
    }

    /**
     * A line over values in %, on a grid spanning the data's own range (rounded out to whole steps of 1, 2, 5, 10 or
     * 25 %, within 0 to 100 %), so 97 % to 96 % is a visible fall; labelled with its first and last point and its axis.
     */
    public record Line(List<GridLine> grid, List<Dot> dots, String path, String firstLabel, String lastLabel, String axisLabel) implements Chart {
    }

    /** A horizontal grid line at {@code y} with its percentage at {@code textY}. */
    public record GridLine(String y, String textY, int percent) {
    }

    /** A point of a line, with its hover text. */
    public record Dot(String x, String y, String title) {
    }

    public static Chart line(List<Point> points) {
        if (points.size() < 2) {
            return new Nothing("not enough history for a trend yet");
        }
        double min = points.stream().mapToDouble(Point::value).filter(v -> !Double.isNaN(v)).min().orElse(0);
        double max = points.stream().mapToDouble(Point::value).filter(v -> !Double.isNaN(v)).max().orElse(100);
        PercentRange range = PercentRange.of(min, max);
        int left = 40;
        int bottom = 160;
        DoubleUnaryOperator y = percent -> bottom - (bottom - 10) * (percent - range.low()) / (double) (range.high() - range.low());
        StringBuilder path = new StringBuilder();
        List<Dot> dots = new ArrayList<>();
        double step = (600 - left - 10) / (double) (points.size() - 1);
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            if (Double.isNaN(point.value())) {
                continue;
            }
            double x = left + i * step;
            double py = y.applyAsDouble(point.value());
            path.append(path.isEmpty() ? "M" : " L").append(fixed(1, x)).append(' ').append(fixed(1, py));
            dots.add(new Dot(fixed(1, x), fixed(1, py), point.label() + ": " + fixed(1, point.value()) + " %"
                    + (point.note() == null ? "" : " " + point.note())));
        }
        return new Line(percentGrid(y, range), dots, path.toString(), points.get(0).label(), points.get(points.size() - 1).label(),
                "Compliance (%), " + range.low() + "–" + range.high() + " %");
    }

    /** The part of 0..100 % a line chart shows: the data's minimum and maximum rounded out to a tick step. */
    record PercentRange(int low, int high, int step) {
        private static final int[] STEPS = {1, 2, 5, 10, 25};

        static PercentRange of(double min, double max) {
            for (int step : STEPS) {
                int low = Math.max(0, (int) Math.floor(min / step) * step);
                int high = Math.min(100, (int) Math.ceil(max / step) * step);
                if (high == low) {
                    if (high + step <= 100) {
                        high += step;
                    } else {
                        low -= step;
                    }
                }
                if ((high - low) / step <= 5) {
                    return new PercentRange(low, high, step);
                }
            }
            return new PercentRange(0, 100, 25);
        }
    }

    /**
     * Compliance against days since release: one line per curve and the phase targets as a dashed step line with a
     * marker at each deadline. Days run on a square-root scale so the first days (a 72-hour phase) stay readable
     * next to a six-month one; the ticks say the days.
     *
     * @param targetPath the step line's path, null when there are no phase targets
     */
    public record Rollout(int height, List<GridLine> grid, List<DayTick> dayTicks, List<Marker> markers, String targetPath,
                          List<Curve> curves, List<LegendLine> legend) implements Chart {
    }

    public record DayTick(String x, int day) {
    }

    /** A phase target's marker (a square centred on the deadline). */
    public record Marker(String x, String y, String title) {
    }

    public record Curve(String colour, String path, List<Dot> dots) {
    }

    /** @param colour the line's colour, null for the phase targets' dashed line */
    public record LegendLine(int x, int y, String colour, String label) {
    }

    public static Chart rollout(List<Series> curves, List<double[]> phaseTargets, double maxDays) {
        if (curves.stream().allMatch(c -> c.points().isEmpty())) {
            return new Nothing("no rollout to show yet");
        }
        int left = 40;
        int right = 590;
        int top = 10;
        int bottom = 160;
        DoubleUnaryOperator x = day -> left + (right - left) * Math.sqrt(Math.max(0, Math.min(day, maxDays)) / maxDays);
        DoubleUnaryOperator y = percent -> bottom - (bottom - top) * percent / 100.0;
        List<DayTick> dayTicks = new ArrayList<>();
        for (int day : DAY_TICKS) {
            if (day > maxDays) {
                break;
            }
            dayTicks.add(new DayTick(fixed(1, x.applyAsDouble(day)), day));
        }
        List<Marker> markers = new ArrayList<>();
        String targetPath = null;
        if (!phaseTargets.isEmpty()) {
            StringBuilder step = new StringBuilder();
            for (int i = 0; i < phaseTargets.size(); i++) {
                double[] target = phaseTargets.get(i);
                double end = i + 1 < phaseTargets.size() ? phaseTargets.get(i + 1)[0] : maxDays;
                double from = x.applyAsDouble(target[0]);
                double level = y.applyAsDouble(target[1]);
                step.append(step.isEmpty() ? "M" : " L").append(fixed(1, from)).append(' ').append(fixed(1, level))
                        .append(" L").append(fixed(1, x.applyAsDouble(end))).append(' ').append(fixed(1, level));
                markers.add(new Marker(fixed(1, from - 3.5), fixed(1, level - 3.5),
                        "target " + Formats.decimal(target[1]) + " % by day " + Formats.decimal(target[0])));
            }
            targetPath = step.toString();
        }
        List<Curve> drawn = new ArrayList<>();
        List<LegendLine> legend = new ArrayList<>();
        for (int c = 0; c < curves.size(); c++) {
            Series curve = curves.get(c);
            String colour = SERIES_COLOURS.get(c % SERIES_COLOURS.size());
            StringBuilder path = new StringBuilder();
            List<Dot> dots = new ArrayList<>();
            for (int i = 0; i < curve.points().size(); i++) {
                double[] point = curve.points().get(i);
                String px = fixed(1, x.applyAsDouble(point[0]));
                String py = fixed(1, y.applyAsDouble(point[1]));
                path.append(path.isEmpty() ? "M" : " L").append(px).append(' ').append(py);
                String note = curve.notes().get(i);
                dots.add(new Dot(px, py, curve.name() + " day " + Formats.decimal(point[0]) + ": " + fixed(1, point[1]) + " %"
                        + (note == null ? "" : " " + note)));
            }
            drawn.add(new Curve(colour, path.toString(), dots));
            legend.add(legendLine(c, colour, curve.name()));
        }
        if (!phaseTargets.isEmpty()) {
            legend.add(legendLine(curves.size(), null, "phase targets"));
        }
        int legendHeight = 18 * ((curves.size() + 2) / 2);
        return new Rollout(190 + legendHeight, percentGrid(y), dayTicks, markers, targetPath, drawn, legend);
    }

    private static LegendLine legendLine(int index, String colour, String label) {
        return new LegendLine(40 + (index % 2) * 280, 200 + (index / 2) * 18, colour, label);
    }

    private static List<GridLine> percentGrid(DoubleUnaryOperator y) {
        return percentGrid(y, new PercentRange(0, 100, 25));
    }

    private static List<GridLine> percentGrid(DoubleUnaryOperator y, PercentRange range) {
        List<GridLine> grid = new ArrayList<>();
        for (int tick = range.low(); tick <= range.high(); tick += range.step()) {
            double at = y.applyAsDouble(tick);
            grid.add(new GridLine(fixed(1, at), fixed(1, at + 4), tick));
        }
        return grid;
    }

    /** {@code value} with {@code decimals} places, as SVG attributes want it (a point, never a comma). */
    private static String fixed(int decimals, double value) {
        return String.format(Locale.ROOT, decimals == 1 ? "%.1f" : "%.2f", value);
    }
}

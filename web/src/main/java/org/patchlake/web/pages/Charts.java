package org.patchlake.web.pages;

import org.patchlake.web.report.Counts;

import java.util.List;
import java.util.Locale;

import static org.patchlake.web.pages.Html.h;

/** Hand-written SVG charts (no JavaScript, no CDN): stacked state bars, bar lists and line charts. */
public final class Charts {
    /** State colours, in the order of {@link #STATES}. */
    public static final List<String> STATES = List.of("installed", "pending reboot", "required", "failed", "exempt", "unknown");
    private static final List<String> COLOURS = List.of("#2e7d32", "#f9a825", "#c62828", "#6a1b9a", "#607d8b", "#bdbdbd");

    private Charts() {
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

    /** One horizontal bar split by compliance state, with a legend carrying the counts. */
    public static String stateBar(Counts counts) {
        long[] values = {counts.installed(), counts.pendingReboot(), counts.required(), counts.failed(), counts.exempt(), counts.unknown()};
        double total = Math.max(1, counts.applicable());
        StringBuilder svg = new StringBuilder("<svg class=\"chart\" viewBox=\"0 0 600 34\" role=\"img\" aria-label=\"computers by state\">");
        double x = 0;
        for (int i = 0; i < values.length; i++) {
            double width = 600 * values[i] / total;
            if (width > 0) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"2\" width=\"%.2f\" height=\"30\" fill=\"%s\"><title>%s: %d</title></rect>",
                        x, width, COLOURS.get(i), STATES.get(i), values[i]));
            }
            x += width;
        }
        svg.append("</svg><ul class=\"legend\">");
        for (int i = 0; i < values.length; i++) {
            svg.append("<li><span class=\"swatch s").append(i).append("\"></span>").append(STATES.get(i)).append(' ')
                    .append(Html.number(values[i])).append("</li>");
        }
        return svg.append("</ul>").toString();
    }

    /** Horizontal bars, one per label, scaled to the largest value; bars link when given an href. */
    public static String bars(List<Bar> bars, String unit) {
        if (bars.isEmpty()) {
            return "<p class=\"muted\">nothing to show</p>";
        }
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        int rowHeight = 22;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart bars\" viewBox=\"0 0 560 %d\" role=\"img\">", bars.size() * rowHeight + 4));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double width = max <= 0 ? 0 : 170 * bar.value() / max;
            int y = i * rowHeight + 2;
            String label = "<text x=\"0\" y=\"" + (y + 14) + "\" class=\"label\">" + h(bar.label()) + "</text>";
            if (bar.href() != null) {
                label = "<a href=\"" + h(bar.href()) + "\">" + label + "</a>";
            }
            svg.append(label).append(String.format(Locale.ROOT,
                    "<rect x=\"180\" y=\"%d\" width=\"%.2f\" height=\"16\" fill=\"#1565c0\"></rect>"
                            + "<text x=\"%.2f\" y=\"%d\" class=\"value\">%s %s%s</text>",
                    y, width, 185 + width, y + 13, h(format(bar.value())), h(unit),
                    bar.note() == null ? "" : " <tspan class=\"counts\">" + h(bar.note()) + "</tspan>"));
        }
        return svg.append("</svg>").toString();
    }

    /** A line over the points (values in %), with optional horizontal target lines. */
    public static String line(List<Point> points, List<Double> targets) {
        if (points.size() < 2) {
            return "<p class=\"muted\">not enough history for a trend yet</p>";
        }
        int width = 600;
        int height = 180;
        int left = 40;
        int bottom = 160;
        StringBuilder svg = new StringBuilder("<svg class=\"chart\" viewBox=\"0 0 600 190\" role=\"img\">");
        for (int tick = 0; tick <= 100; tick += 25) {
            double y = bottom - (bottom - 10) * tick / 100.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"></line>"
                    + "<text x=\"0\" y=\"%.1f\" class=\"axis\">%d %%</text>", left, width, y, y, y + 4, tick));
        }
        for (double target : targets) {
            double y = bottom - (bottom - 10) * target / 100.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"target\"></line>",
                    left, width, y, y));
        }
        StringBuilder path = new StringBuilder();
        double step = (width - left - 10) / (double) (points.size() - 1);
        for (int i = 0; i < points.size(); i++) {
            double value = points.get(i).value();
            if (Double.isNaN(value)) {
                continue;
            }
            double x = left + i * step;
            double y = bottom - (bottom - 10) * value / 100.0;
            path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" class=\"point\"><title>%s: %.1f %%%s</title></circle>",
                    x, y, h(points.get(i).label()), value, points.get(i).note() == null ? "" : " " + h(points.get(i).note())));
        }
        svg.append("<path d=\"").append(path).append("\" class=\"line\"></path>");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\">%s</text>", left, height,
                h(points.get(0).label())));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis end\">%s</text>", width, height,
                h(points.get(points.size() - 1).label())));
        return svg.append("</svg>").toString();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** One curve of a rollout chart: points of (days since release, percent), each with its counts for the hover text. */
    public record Series(String name, List<double[]> points, List<String> notes) {
        public Series {
            points = List.copyOf(points);
            notes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(notes));
        }
    }

    private static final List<String> SERIES_COLOURS = List.of("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a");
    private static final List<Integer> DAY_TICKS = List.of(0, 1, 3, 7, 14, 28, 56, 91, 182, 365);

    /**
     * Compliance against days since release: one line per curve and the phase targets as a dashed step line with a
     * marker at each deadline. Days run on a square-root scale so the first days (a 72-hour phase) stay readable
     * next to a six-month one; the ticks say the days.
     */
    public static String rollout(List<Series> curves, List<double[]> phaseTargets, double maxDays) {
        if (curves.stream().allMatch(c -> c.points().isEmpty())) {
            return "<p class=\"muted\">no rollout to show yet</p>";
        }
        int left = 40;
        int right = 590;
        int top = 10;
        int bottom = 160;
        java.util.function.DoubleUnaryOperator x = day -> left + (right - left) * Math.sqrt(Math.max(0, Math.min(day, maxDays)) / maxDays);
        java.util.function.DoubleUnaryOperator y = percent -> bottom - (bottom - top) * percent / 100.0;
        int legendHeight = 18 * ((curves.size() + 2) / 2);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart rollout\" viewBox=\"0 0 600 %d\" role=\"img\" aria-label=\"compliance by days since release against the phase targets\">",
                190 + legendHeight));
        for (int tick = 0; tick <= 100; tick += 25) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"></line>"
                    + "<text x=\"0\" y=\"%.1f\" class=\"axis\">%d %%</text>", left, right, y.applyAsDouble(tick), y.applyAsDouble(tick),
                    y.applyAsDouble(tick) + 4, tick));
        }
        for (int day : DAY_TICKS) {
            if (day > maxDays) {
                break;
            }
            double at = x.applyAsDouble(day);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" class=\"grid\"></line>"
                    + "<text x=\"%.1f\" y=\"%d\" class=\"axis middle\">%d</text>", at, at, top, bottom, at, bottom + 14, day));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis end\">days since release</text>", right, bottom + 28));
        if (!phaseTargets.isEmpty()) {
            StringBuilder step = new StringBuilder();
            for (int i = 0; i < phaseTargets.size(); i++) {
                double[] target = phaseTargets.get(i);
                double end = i + 1 < phaseTargets.size() ? phaseTargets.get(i + 1)[0] : maxDays;
                double from = x.applyAsDouble(target[0]);
                double level = y.applyAsDouble(target[1]);
                step.append(step.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f L%.1f %.1f", from, level,
                        x.applyAsDouble(end), level));
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" class=\"target-marker\">"
                        + "<title>target %s %% by day %s</title></rect>", from - 3.5, level - 3.5, format(target[1]), format(target[0])));
            }
            svg.append("<path d=\"").append(step).append("\" class=\"target\" fill=\"none\"></path>");
        }
        for (int c = 0; c < curves.size(); c++) {
            Series curve = curves.get(c);
            String colour = SERIES_COLOURS.get(c % SERIES_COLOURS.size());
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < curve.points().size(); i++) {
                double[] point = curve.points().get(i);
                double px = x.applyAsDouble(point[0]);
                double py = y.applyAsDouble(point[1]);
                path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
                String note = curve.notes().get(i);
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"><title>%s day %s: %.1f %%%s</title></circle>",
                        px, py, colour, h(curve.name()), format(point[0]), point[1], note == null ? "" : " " + h(note)));
            }
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"></path>");
        }
        int legendTop = 200;
        for (int c = 0; c <= curves.size(); c++) {
            boolean target = c == curves.size();
            if (target && phaseTargets.isEmpty()) {
                break;
            }
            int lx = 40 + (c % 2) * 280;
            int ly = legendTop + (c / 2) * 18;
            svg.append(target
                    ? String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" class=\"target\"></line>", lx, lx + 18, ly - 4, ly - 4)
                    : String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"></line>", lx, lx + 18,
                    ly - 4, ly - 4, SERIES_COLOURS.get(c % SERIES_COLOURS.size())));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"label\">%s</text>", lx + 24, ly,
                    h(target ? "phase targets" : curves.get(c).name())));
        }
        return svg.append("</svg>").toString();
    }
}


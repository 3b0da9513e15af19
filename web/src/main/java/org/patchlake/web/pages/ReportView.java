package org.patchlake.web.pages;

import org.patchlake.web.report.Ratio;
import org.patchlake.web.report.ReportColumn;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportResult;
import org.patchlake.web.report.ReportTable;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.patchlake.web.pages.Html.h;
import static org.patchlake.web.pages.Html.url;

/** Renders a report result: headline figures, then each table with its chart and drill-down links. */
public final class ReportView {
    private ReportView() {
    }

    /** Extra links at the end of a row (remediation actions); "" for none. */
    @FunctionalInterface
    public interface RowActions {
        RowActions NONE = (table, row) -> "";

        String html(ReportTable table, List<Object> row);
    }

    public static String render(ReportResult result, ReportParameters parameters, ZoneId zone) {
        return render(result, parameters, zone, RowActions.NONE);
    }

    public static String render(ReportResult result, ReportParameters parameters, ZoneId zone, RowActions actions) {
        StringBuilder html = new StringBuilder();
        render(html, result, parameters, zone, actions);
        return html.toString();
    }

    /** Writes the result into {@code out} table by table, row by row (a streamed page sends rows as they are written). */
    public static void render(Appendable out, ReportResult result, ReportParameters parameters, ZoneId zone, RowActions actions) {
        try {
            if (!result.figures().isEmpty()) {
                out.append("<div class=\"figures\">");
                for (ReportResult.Figure figure : result.figures()) {
                    out.append("<div class=\"figure\"><div class=\"label\">").append(h(figure.label()))
                            .append("</div><div class=\"value\">").append(cell(figure.value(), zone)).append("</div></div>");
                }
                out.append("</div>");
            }
            for (ReportTable table : result.tables()) {
                table(out, table, parameters, zone, actions);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the report page", e);
        }
    }

    public static String table(ReportTable table, ReportParameters parameters, ZoneId zone) {
        return table(table, parameters, zone, RowActions.NONE);
    }

    public static String table(ReportTable table, ReportParameters parameters, ZoneId zone, RowActions actions) {
        StringBuilder html = new StringBuilder();
        try {
            table(html, table, parameters, zone, actions);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return html.toString();
    }

    private static void table(Appendable html, ReportTable table, ReportParameters parameters, ZoneId zone, RowActions actions)
            throws java.io.IOException {
        List<String> rowActions = new ArrayList<>(table.rows().size());
        boolean anyAction = false;
        for (List<Object> row : table.rows()) {
            String links = actions.html(table, row);
            rowActions.add(links);
            anyAction |= !links.isEmpty();
        }
        html.append("<section class=\"report-table\"><h2>").append(h(table.title())).append("</h2>");
        if (table.chart() != null && !table.rows().isEmpty()) {
            html.append(chart(table));
        }
        if (table.rows().isEmpty()) {
            html.append("<p class=\"muted\">No rows.</p></section>");
            return;
        }
        html.append("<div class=\"scroll\"><table class=\"report\"><thead><tr>");
        int columns = table.columns().size();
        boolean[] numeric = new boolean[columns];
        boolean[] time = new boolean[columns];
        for (int i = 0; i < columns; i++) {
            ReportColumn column = table.columns().get(i);
            numeric[i] = column.kind() == ReportColumn.Kind.NUMBER || column.kind() == ReportColumn.Kind.RATIO;
            time[i] = column.kind() == ReportColumn.Kind.DATE || column.kind() == ReportColumn.Kind.TIMESTAMP;
            html.append(numeric[i] ? "<th class=\"num\">" : "<th>").append(h(column.label())).append("</th>");
        }
        html.append(anyAction ? "<th>Actions</th>" : "").append("</tr></thead><tbody>");
        StringBuilder line = new StringBuilder(512);
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> row = table.rows().get(r);
            line.setLength(0);
            line.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                line.append(numeric[i] ? "<td class=\"num\">" : time[i] ? "<td class=\"time\">" : "<td>")
                        .append(linked(table.columns().get(i), row.get(i), parameters, zone)).append("</td>");
            }
            if (anyAction) {
                line.append("<td class=\"row-actions\">").append(rowActions.get(r)).append("</td>");
            }
            html.append(line.append("</tr>"));
        }
        html.append("</tbody></table></div>");
        html.append("<p class=\"muted rows\">Showing ").append(Html.number(table.rows().size())).append(" of ")
                .append(Html.number(table.totalRows())).append(" rows.</p>");
        html.append("</section>");
    }

    private static String linked(ReportColumn column, Object value, ReportParameters parameters, ZoneId zone) {
        String text = cell(value, zone);
        if (value == null) {
            return text;
        }
        String id = value.toString();
        if (column.link() == ReportColumn.Link.PLANNED_INSTALL) {
            return "<a id=\"install-" + h(id) + "\" href=\"#install-" + h(id) + "\" class=\"planned-install\">" + text + "</a>";
        }
        if (column.link() == ReportColumn.Link.TO_PLANNED_INSTALL) {
            return "<a href=\"#install-" + h(id) + "\" class=\"drill\">→ " + text + "</a>";
        }
        String href = switch (column.link()) {
            case NONE, PLANNED_INSTALL, TO_PLANNED_INSTALL -> null;
            case BULLETIN -> "/bulletins/" + url(id) + scopeQuery(parameters);
            case COMPUTER -> "/computers/" + url(id);
            case REGION -> "/reports/regional-compliance?region=" + url(id);
            case SITE -> "/reports/regional-compliance?site=" + url(id);
            case DETECTION_AGREEMENT -> "/reports/detection-agreement/computers/" + url(id);
        };
        return href == null ? text : "<a href=\"" + h(href) + "\" class=\"drill\">" + text + "</a>";
    }

    private static String scopeQuery(ReportParameters parameters) {
        if (parameters.site() != null) {
            return "?site=" + url(parameters.site());
        }
        return parameters.region() == null ? "" : "?region=" + url(parameters.region());
    }

    public static String cell(Object value, ZoneId zone) {
        if (value == null) {
            return "<span class=\"muted\">–</span>";
        }
        if (value instanceof Ratio ratio) {
            return Html.ratio(ratio);
        }
        if (value instanceof Instant instant) {
            return h(Html.time(instant, zone));
        }
        if (value instanceof Long || value instanceof Integer) {
            return Html.number(((Number) value).longValue());
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return h(value);
    }

    private static String chart(ReportTable table) {
        ReportTable.Chart chart = table.chart();
        int label = table.columnIndex(chart.labelColumn());
        if (chart.kind() == ReportTable.Chart.Kind.ROLLOUT) {
            return rollout(table, label);
        }
        int valueIndex = table.columnIndex(chart.valueColumns().get(0));
        if (chart.kind() == ReportTable.Chart.Kind.LINE) {
            List<Charts.Point> points = new ArrayList<>();
            for (List<Object> row : table.rows()) {
                points.add(new Charts.Point(String.valueOf(row.get(label)), numeric(row.get(valueIndex)), counts(row.get(valueIndex))));
            }
            return Charts.line(points, List.of());
        }
        List<Charts.Bar> bars = new ArrayList<>();
        boolean percent = false;
        for (List<Object> row : table.rows().subList(0, Math.min(20, table.rows().size()))) {
            Object value = row.get(valueIndex);
            percent |= value instanceof Ratio;
            bars.add(new Charts.Bar(String.valueOf(row.get(label)), numeric(value), null, counts(value)));
        }
        return Charts.bars(bars, percent ? "%" : "");
    }

    private static String rollout(ReportTable table, int dayIndex) {
        List<Charts.Series> curves = new ArrayList<>();
        double maxDays = 1;
        for (List<Object> row : table.rows()) {
            maxDays = Math.max(maxDays, numeric(row.get(dayIndex)));
        }
        for (String key : table.chart().valueColumns()) {
            int index = table.columnIndex(key);
            List<double[]> points = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (List<Object> row : table.rows()) {
                Object value = row.get(index);
                if (value instanceof Ratio ratio && !Double.isNaN(ratio.percent())) {
                    points.add(new double[] {numeric(row.get(dayIndex)), ratio.percent()});
                    notes.add(counts(value));
                }
            }
            curves.add(new Charts.Series(table.columns().get(index).label(), points, notes));
        }
        List<double[]> targets = new ArrayList<>();
        boolean hasTarget = table.columns().stream().anyMatch(c -> c.key().equals(ReportTable.Chart.TARGET_COLUMN));
        if (hasTarget) {
            int targetIndex = table.columnIndex(ReportTable.Chart.TARGET_COLUMN);
            Object previous = null;
            for (List<Object> row : table.rows()) {
                Object target = row.get(targetIndex);
                if (target != null && !target.equals(previous)) {
                    targets.add(new double[] {numeric(row.get(dayIndex)), numeric(target)});
                }
                previous = target;
            }
        }
        return Charts.rollout(curves, targets, maxDays);
    }

    /** The counts behind a percentage, "(2 / 3)"; null for other values. */
    private static String counts(Object value) {
        return value instanceof Ratio ratio ? "(" + Html.number(ratio.numerator()) + " / " + Html.number(ratio.denominator()) + ")" : null;
    }

    private static double numeric(Object value) {
        if (value instanceof Ratio ratio) {
            return Double.isNaN(ratio.percent()) ? 0 : ratio.percent();
        }
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}

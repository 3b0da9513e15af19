package org.patchlake.web.report;

import org.patchlake.web.auth.Permission;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.User;
import org.patchlake.web.layout.Formats;
import org.patchlake.web.layout.Words;
import org.patchlake.web.remediation.RemediationRowActions;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What the template {@code reports/result.jte} needs beyond a report result: the viewer's zone, each table's chart,
 * cell classes and row actions, and where each cell links to. The template writes the tables row by row, so a
 * streamed page sends rows as they are written.
 */
public record ReportView(ReportParameters parameters, ZoneId zone, RowActions actions, Set<Permission> permissions, Scope scope) {
    /** The action links at the end of a row (remediation actions); none for most rows. */
    @FunctionalInterface
    public interface RowActions {
        RowActions NONE = (table, row) -> List.of();

        List<RemediationRowActions.Link> links(ReportTable table, List<Object> row);
    }

    public ReportView {
        requireNonNull(parameters, "parameters is null");
        requireNonNull(zone, "zone is null");
        requireNonNull(actions, "actions is null");
        permissions = Set.copyOf(permissions);
        requireNonNull(scope, "scope is null");
    }

    /** The view for one viewer: links are drawn only to pages the viewer's roles and scope open (a viewer of one site gets no link to its whole region). */
    public static ReportView of(ReportParameters parameters, User viewer, RowActions actions) {
        return new ReportView(parameters, viewer.timeZone(), actions, viewer.permissions(), viewer.scope());
    }

    /**
     * A table as the template draws it.
     *
     * @param chart         null for a table without a chart or without rows
     * @param cellClasses   per column: {@code num}, {@code time}, {@code wide} (a title) or null
     * @param actions       per row, its action links
     */
    public record TableView(ReportTable table, Charts.Chart chart, List<String> cellClasses, List<List<RemediationRowActions.Link>> actions,
                            boolean anyAction) {
        public String cellClass(int column) {
            return cellClasses.get(column);
        }
    }

    public TableView table(ReportTable table) {
        List<List<RemediationRowActions.Link>> rowActions = new ArrayList<>(table.rows().size());
        boolean anyAction = false;
        for (List<Object> row : table.rows()) {
            List<RemediationRowActions.Link> links = actions.links(table, row);
            rowActions.add(links);
            anyAction |= !links.isEmpty();
        }
        List<String> classes = new ArrayList<>(table.columns().size());
        for (ReportColumn column : table.columns()) {
            classes.add(switch (column.kind()) {
                case NUMBER, RATIO -> "num";
                case DATE, TIMESTAMP -> "time";
                default -> column.key().equals("title") ? "wide" : null;
            });
        }
        Charts.Chart chart = table.chart() == null || table.rows().isEmpty() ? null : chart(table);
        return new TableView(table, chart, java.util.Collections.unmodifiableList(classes), rowActions, anyAction);
    }

    /**
     * The link that shows more of a table whose rows are a limit of its total: the same parameters with the limit
     * raised to the total, at most {@link ReportParameters#MAX_LIMIT} (the page streams its rows); null when every row
     * is shown or the limit is already the most a page shows.
     */
    public String moreRows(ReportTable table) {
        if (table.totalRows() <= table.rows().size() || parameters.limit() >= ReportParameters.MAX_LIMIT) {
            return null;
        }
        long limit = Math.min(table.totalRows(), ReportParameters.MAX_LIMIT);
        ReportParameters more = new ReportParameters(parameters.region(), parameters.site(), parameters.severity(), parameters.from(),
                parameters.to(), parameters.asOf(), parameters.days(), parameters.computerClass(), parameters.state(), (int) limit);
        return "?" + more.queryString();
    }

    /** "Show all 2,000" or, past {@link ReportParameters#MAX_LIMIT}, "Show the first 10,000". */
    public static String moreRowsText(ReportTable table) {
        return table.totalRows() <= ReportParameters.MAX_LIMIT ? "Show all " + Formats.number(table.totalRows())
                : "Show the first " + Formats.number(ReportParameters.MAX_LIMIT);
    }

    /**
     * Where a cell links to: a drill-down page, or an anchor between a planned install and the rows that point to it.
     *
     * @param id    the element's id (null for none)
     * @param arrow the link text starts with an arrow (it points to another row)
     */
    public record CellLink(String id, String href, String cssClass, boolean arrow) {
    }

    /** Columns that hold a stored code (update state, SLA status, delivery outcome, computer class): the page shows words. */
    private static final Set<String> CODED_COLUMNS = Set.of("state", "status", "outcome", "computer_class");

    /** A cell's value as the page shows it: words for a stored code ("Installed, restart pending"), else the value. */
    public Object display(ReportColumn column, Object value) {
        return value instanceof String text && CODED_COLUMNS.contains(column.key()) ? Words.of(text) : value;
    }

    /** The link of a cell, null for a cell that links nowhere or to a page the viewer may not open. */
    public CellLink link(ReportColumn column, Object value) {
        if (value == null || column.link().permission().filter(permission -> !permissions.contains(permission)).isPresent()) {
            return null;
        }
        String id = value.toString();
        return switch (column.link()) {
            case NONE -> null;
            case PLANNED_INSTALL -> new CellLink("install-" + id, "#install-" + id, "planned-install", false);
            case TO_PLANNED_INSTALL -> new CellLink(null, "#install-" + id, "drill", true);
            case BULLETIN -> drill("/bulletins/" + Formats.url(id) + scopeQuery());
            case COMPUTER -> drill("/computers/" + Formats.url(id));
            case REGION -> !scope.permitsRegion(id) ? null : drill("/reports/regional-compliance?region=" + Formats.url(id));
            case SITE -> drill("/reports/regional-compliance?site=" + Formats.url(id));
            case DETECTION_AGREEMENT -> drill("/reports/detection-agreement/computers/" + Formats.url(id));
        };
    }

    private static CellLink drill(String href) {
        return new CellLink(null, href, "drill", false);
    }

    private String scopeQuery() {
        if (parameters.site() != null) {
            return "?site=" + Formats.url(parameters.site());
        }
        return parameters.region() == null ? "" : "?region=" + Formats.url(parameters.region());
    }

    private static Charts.Chart chart(ReportTable table) {
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
            return Charts.line(points);
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

    private static Charts.Chart rollout(ReportTable table, int dayIndex) {
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
    static String counts(Object value) {
        return value instanceof Ratio ratio ? "(" + Formats.number(ratio.numerator()) + " / " + Formats.number(ratio.denominator()) + ")" : null;
    }

    private static double numeric(Object value) {
        if (value instanceof Ratio ratio) {
            return Double.isNaN(ratio.percent()) ? 0 : ratio.percent();
        }
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}

package org.patchlake.web.report;

import org.junit.jupiter.api.Test;
import org.patchlake.web.layout.Templates;
import org.patchlake.web.remediation.RemediationRowActions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A report result drawn by the templates: values from the warehouse are escaped in cells, links, row actions and SVG charts. */
class ReportTemplatesTest {
    private static final String MARKUP = "<script>alert(\"x\")</script>";

    @Test
    void report_cells_links_row_actions_and_chart_labels_are_escaped() {
        ReportTable table = new ReportTable("Computers " + MARKUP, List.of(
                ReportColumn.linked("computer_id", "Computer", ReportColumn.Link.COMPUTER),
                ReportColumn.text("name", "Name"),
                ReportColumn.ratio("compliance", "Compliance")),
                List.of(Arrays.asList("c1\"><b>", MARKUP, new Ratio(1, 2)), Arrays.asList("c2", null, new Ratio(2, 2))))
                .withChart(new ReportTable.Chart(ReportTable.Chart.Kind.BAR, "name", List.of("compliance")));
        ReportResult result = new ReportResult("Computers", new SnapshotInfo("s-1", Instant.EPOCH, Instant.EPOCH),
                List.of(new ReportResult.Figure("Label " + MARKUP, 1234L)), List.of(table));
        ReportView view = new ReportView(ReportParameters.none(), ZoneOffset.UTC, (t, row) -> row.get(0).equals("c2")
                ? List.of(new RemediationRowActions.Link("/remediation/new?computerId=c2&x=\"", "Remediate " + MARKUP, "remediate"))
                : List.of(), java.util.EnumSet.allOf(org.patchlake.web.auth.Permission.class),
                org.patchlake.web.auth.Scope.everything());

        String html = Templates.render("reports/result.jte", Map.of("result", result, "view", view));

        assertThat(html).doesNotContain("<script>", "<b>")
                .contains("<div class=\"label\">Label &lt;script&gt;alert(\"x\")&lt;/script&gt;</div><div class=\"value\">1,234</div>",
                        "<h2>Computers &lt;script&gt;", "<a href=\"/computers/c1%22%3E%3Cb%3E\" class=\"drill\">c1\"&gt;&lt;b&gt;</a>",
                        "<text x=\"0\" y=\"16\" class=\"label\">&lt;script&gt;", "<span class=\"muted\">–</span>",
                        "<a class=\"row-action remediate\" href=\"/remediation/new?computerId=c2&amp;x=&#34;\">Remediate &lt;script&gt;",
                        "<th class=\"row-actions\">Actions</th>", "Showing 2 of 2 rows.");
    }

    @Test
    void a_table_without_rows_says_so_and_draws_no_chart() {
        ReportTable table = new ReportTable("Empty", List.of(ReportColumn.text("name", "Name")), List.of())
                .withChart(new ReportTable.Chart(ReportTable.Chart.Kind.BAR, "name", List.of("name")));
        ReportResult result = new ReportResult("Empty", new SnapshotInfo("s-1", Instant.EPOCH, Instant.EPOCH), List.of(), List.of(table));

        String html = Templates.render("reports/result.jte",
                Map.of("result", result, "view", new ReportView(ReportParameters.none(), ZoneOffset.UTC, ReportView.RowActions.NONE, java.util.Set.of(),
                org.patchlake.web.auth.Scope.everything())));

        assertThat(html.strip()).isEqualTo("<section class=\"report-table\"><h2>Empty</h2>\n<p class=\"muted\">No rows.</p></section>");
    }

    @Test
    void pages_show_words_for_stored_codes_and_keep_other_text_as_it_is() {
        ReportTable table = new ReportTable("Computers", List.of(ReportColumn.text("hostname", "Host name"), ReportColumn.text("computer_class", "Class"),
                ReportColumn.text("state", "State"), ReportColumn.text("status", "Status")),
                List.of(List.of("REQUIRED", "business_critical_server", "INSTALLED_PENDING_REBOOT", "AT_RISK")));
        ReportResult result = new ReportResult("Computers", new SnapshotInfo("s-1", Instant.EPOCH, Instant.EPOCH), List.of(), List.of(table));

        String html = Templates.render("reports/result.jte", Map.of("result", result, "view", new ReportView(ReportParameters.none(),
                ZoneOffset.UTC, ReportView.RowActions.NONE, java.util.Set.of(), org.patchlake.web.auth.Scope.everything())));

        assertThat(html).contains("<td>REQUIRED</td>", "<td>Business-critical server</td>", "<td>Installed, restart pending</td>",
                "<td>At risk</td>");
    }
}

package org.patchlake.web.warehouse;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.reports.jasper.ReportEngine;
import org.patchlake.reports.query.FixtureWarehouse;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.sla.BusinessCalendar;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.report.ExportService;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportParameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drill-down links in exported PDFs: absolute under the server's public address when it is known (a mailed or
 * downloaded file opened outside the browser can follow them), relative to the web root otherwise.
 */
class ExportLinksTest {
    @TempDir
    static Path data;
    static QueryLayer queries;

    @BeforeAll
    static void start() throws Exception {
        Path warehouse = data.resolve("warehouse");
        FixtureWarehouse.publish(warehouse, "s-20261120123000000", null, FixtureWarehouse.PUBLISHED_AT);
        queries = new QueryLayer(FixtureWarehouse.open(warehouse), BusinessCalendar.saturdaySunday(Set.of()));
    }

    @AfterAll
    static void stop() {
        queries.close();
    }

    private static List<String> links(JasperExportService exports) throws IOException {
        byte[] pdf = exports.export(Report.COMPLIANCE_BY_BULLETIN, ReportParameters.none(), Scope.everything(), ExportService.Format.PDF)
                .content();
        List<String> links = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                        links.add(uri.getURI());
                    }
                }
            }
        }
        return links;
    }

    @Test
    void with_a_public_address_the_pdf_links_are_absolute() throws IOException {
        List<String> links = links(new JasperExportService(queries, new ReportEngine(), Clock.systemUTC(), "https://patchlake.example.org"));

        assertThat(links).isNotEmpty().allMatch(link -> link.startsWith("https://patchlake.example.org/"))
                .anyMatch(link -> link.contains("KB5000001"));
    }

    @Test
    void without_one_they_are_relative_to_the_web_root() throws IOException {
        List<String> links = links(new JasperExportService(queries, new ReportEngine(), Clock.systemUTC()));

        assertThat(links).isNotEmpty().allMatch(link -> link.startsWith("/"));
    }

    @Test
    void the_public_address_must_be_an_absolute_http_address() {
        assertThat(org.patchlake.web.ServeCommand.publicUrl("https://patchlake.example.org/")).isEqualTo("https://patchlake.example.org");
        assertThat(org.patchlake.web.ServeCommand.publicUrl(null)).isNull();
        for (String bad : List.of("patchlake.example.org", "ftp://patchlake.example.org", "https://patchlake.example.org/?a=1", "http://")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.patchlake.web.ServeCommand.publicUrl(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PATCHLAKE_PUBLIC_URL");
        }
    }
}

package org.patchlake.web.warehouse;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.report.ExportService;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Delivery Summary's default window ends with the data's own day: a policy created that day, whose first attempt an
 * agent dated after the data-as-of moment (12:00), is listed by default on the page, in the API and in the PDF alike.
 */
class DeliverySummaryWindowTest {
    /** Policy P-3 is created on the data's day at 13:00 and installs on c1 (EU) at 14:00. */
    private static final String CREATED_TODAY = """
            INSERT INTO policies VALUES ('P-3','Created on the data day','2026-11-20 13:00');
            INSERT INTO deliveries VALUES ('d9','c1','P-3','KB5000001','KB5000001|Windows 11 Version 23H2 for x64-based Systems',1,
             '2026-11-20 14:00','2026-11-20 14:30',0,'0x00000000','succeeded','success','EU','eu-ber');
            """;

    @TempDir
    static Path data;
    static FixtureServer fixture;
    static TestServer server;
    static QueryLayer queries;

    @BeforeAll
    static void start() throws Exception {
        fixture = FixtureServer.start(data, CREATED_TODAY);
        server = fixture.server();
        queries = fixture.queries();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void a_policy_created_on_the_data_day_is_in_the_default_window_of_the_page_the_api_and_the_pdf() throws Exception {
        TestClient security = server.signedIn("sec");
        assertThat(security.getHtml("/reports/delivery-summary").body()).contains("P-3", "Created on the data day");
        String json = security.get("/api/v1/reports/delivery-summary").body();
        assertThat(json).contains("\"policy_id\":\"P-3\"", "2026-10-22T00:00:00Z to 2026-11-21T00:00:00Z");
        // the PDF as a schedule mails it (export jobs and schedules call the export service the same way)
        ExportService.Export pdf = server.server().services().exports().export(Report.DELIVERY_SUMMARY, ReportParameters.none(),
                Scope.everything(), ExportService.Format.PDF);
        try (PDDocument document = Loader.loadPDF(pdf.content())) {
            assertThat(new PDFTextStripper().getText(document)).contains("P-3");
        }
        assertThat(security.get("/api/v1/reports/delivery-summary?to=2026-11-19").body())
                .as("a window that ends the day before leaves it out").doesNotContain("\"policy_id\":\"P-3\"");
    }
}

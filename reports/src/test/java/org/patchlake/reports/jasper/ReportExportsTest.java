package org.patchlake.reports.jasper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.reports.query.Scope;

class ReportExportsTest {
    @TempDir
    static Path warehouse;
    private static FixtureReports reports;

    @BeforeAll
    static void publishFixture() throws Exception {
        reports = new FixtureReports(warehouse);
    }

    @AfterAll
    static void close() {
        reports.close();
    }

    @Test
    void csv_export_writes_formulas_as_text_quotes_carriage_returns_and_keeps_negative_numbers() {
        ReportData fixture = reports.load(ReportTemplate.EXCEPTIONS, Scope.all());
        java.util.Map<String, Object> row = new java.util.LinkedHashMap<>(fixture.rows().get(0));
        row.put("owner", "=HYPERLINK(\"http://evil\")");
        row.put("reason", "line one\rline two");
        row.put("days_left", -19L);
        ReportData hostile = new ReportData(fixture.snapshotTime(), fixture.runParameters(), fixture.scope(), List.of(row),
                fixture.datasets(), fixture.values());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        reports.engine.render(ReportTemplate.EXCEPTIONS, hostile, FixtureReports.OPTIONS, ExportFormat.CSV, out);

        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("hostname,").contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",").endsWith("\r\n");
        List<List<String>> records = readCsv(csv);
        assertThat(records).hasSize(2);
        assertThat(records.get(1)).contains("'=HYPERLINK(\"http://evil\")", "-19").anySatisfy(cell -> assertThat(cell).matches("line one\\R+line two"));
    }

    @Test
    void the_html_frame_escapes_the_report_name_quotes_included() {
        ReportHtmlFrame.Parts frame = new ReportHtmlFrame().around("<b>\"Q4\" & 'all'</b>");

        assertThat(frame.header()).startsWith("<!DOCTYPE html>").contains("<title>&lt;b&gt;\"Q4\" &amp; 'all'&lt;/b&gt;</title>")
                .doesNotContain("<b>");
        assertThat(frame.footer()).isEqualTo("</div></body></html>");
        assertThat(frame.betweenPages()).isEqualTo("<hr style=\"border:0;border-top:1px solid #ccc\">");
    }

    @Test
    void executive_summary_pdf_prints_title_snapshot_time_denominators_and_page_numbers_in_dejavu() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(reports.render(ReportTemplate.EXECUTIVE_SUMMARY, ExportFormat.PDF))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(pdf.getNumberOfPages()).isBetween(1, 2);
            assertThat(text).contains("Executive Summary", "Data refreshed 2026-11-20 12:30 UTC", "generated 2026-11-20 13:00 UTC",
                    "Scope: all regions", "Page 1 of 1");
            assertThat(text).contains("applicable 11 = installed 5 + pending reboot 1 + required 2 + failed 1 + exempt 1 + unknown 1");
            assertThat(text).contains("55.6 %", "compliance: 5 installed of 9");
            List<String> fonts = new ArrayList<>();
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                fonts.add(font.getName());
            }
            assertThat(fonts).isNotEmpty().allMatch(font -> font.contains("DejaVuSans"));
        }
    }

    @Test
    void compliance_by_bulletin_xlsx_has_typed_cells_with_the_counts() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(reports.render(ReportTemplate.COMPLIANCE_BY_BULLETIN, ExportFormat.XLSX)))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row kb = findRow(sheet, "KB5000001");
            List<Object> values = new ArrayList<>();
            for (Cell cell : kb) {
                values.add(cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue() : cell.toString());
            }
            // applicable 6 = installed 2 + pending reboot 1 + required 1 + failed 1 + exempt 0 + unknown 1
            assertThat(values).containsSubsequence("KB5000001", "2026-11 Cumulative Update", "Critical", "2026-11-02", "yes",
                    6.0, 2.0, 1.0, 1.0, 1.0, 0.0, 1.0);
            assertThat(findRow(sheet, "Compliance by Bulletin")).isNotNull();
        }
    }

    @Test
    void html_rows_link_to_the_next_drill_down_level() {
        String bulletins = new String(reports.render(ReportTemplate.COMPLIANCE_BY_BULLETIN, ExportFormat.HTML), StandardCharsets.UTF_8);
        assertThat(links(bulletins)).contains(
                "/reports/compliance-by-bulletin/KB5000001/computers?state=applicable",
                "/reports/compliance-by-bulletin/KB5000001/computers?state=vulnerable",
                "/reports/compliance-by-bulletin/MS08-067/computers?state=installed");
        String computers = new String(reports.render(ReportTemplate.BULLETIN_COMPUTERS, ExportFormat.HTML), StandardCharsets.UTF_8);
        assertThat(links(computers)).contains("/computers/c3", "/computers/c4", "/computers/c5").doesNotContain("/computers/c1");
        String computer = new String(reports.render(ReportTemplate.COMPUTER_DETAIL, ExportFormat.HTML), StandardCharsets.UTF_8);
        assertThat(computer).contains("Install history");
        assertThat(links(computer)).contains("/reports/compliance-by-bulletin/KB5000002/computers");
    }

    @Test
    void link_base_prefixes_every_drill_down_link_and_ids_are_percent_encoded() {
        RenderOptions options = new RenderOptions(Locale.US, ZoneId.of("UTC"), "https://patchlake.example.org/", FixtureReports.GENERATED);
        String html = new String(reports.render(ReportTemplate.REGIONAL_COMPLIANCE, Scope.all(), ExportFormat.HTML, options), StandardCharsets.UTF_8);
        assertThat(links(html)).isNotEmpty().allMatch(link -> link.startsWith("https://patchlake.example.org/reports/"))
                .contains("https://patchlake.example.org/reports/compliance-by-computer?region=EU&amp;site=eu-ber");
        assertThat(Links.to("", "/reports/compliance-by-update/{}/computers", "KB1|Windows 10 Version 22H2 for x64-based Systems"))
                .isEqualTo("/reports/compliance-by-update/KB1%7CWindows%2010%20Version%2022H2%20for%20x64-based%20Systems/computers");
    }

    @Test
    void a_regional_viewer_sees_only_their_region_in_every_export() {
        String csv = new String(reports.render(ReportTemplate.COMPLIANCE_BY_COMPUTER, Scope.regions("EU"), ExportFormat.CSV, FixtureReports.OPTIONS),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("eu-ws-01", "eu-nb-01").doesNotContain("us-", ",US,");
        String pdf = new String(reports.render(ReportTemplate.EXECUTIVE_SUMMARY, Scope.regions("EU"), ExportFormat.HTML, FixtureReports.OPTIONS),
                StandardCharsets.UTF_8);
        assertThat(pdf).contains("Scope: regions EU");
    }

    @Test
    void percentages_have_no_value_without_a_denominator() {
        assertThat(Percentages.compliance(0L, 5L, 3L, 2L)).isNull();
        assertThat(Percentages.strict(0L, 5L, 3L)).isEqualTo(0.0);
        assertThat(Percentages.compliance(2L, 6L, 0L, 1L)).isEqualTo(0.4);
        assertThat(ReportFormats.percent(null)).isEqualTo("–");
    }

    private static Row findRow(Sheet sheet, String text) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                    return row;
                }
            }
        }
        throw new AssertionError("no cell '" + text + "' in sheet " + sheet.getSheetName());
    }

    private static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher matcher = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }

    private static List<List<String>> readCsv(String csv) {
        try {
            return org.patchlake.reports.csv.ProductCsv.format().parse(new java.io.StringReader(csv)).stream()
                    .map(org.apache.commons.csv.CSVRecord::toList).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

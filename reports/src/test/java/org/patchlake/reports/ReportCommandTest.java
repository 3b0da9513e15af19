package org.patchlake.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.reports.query.FixtureWarehouse;

class ReportCommandTest {
    @TempDir
    Path data;

    @Test
    void renders_a_report_from_the_data_directory_with_parameters() throws Exception {
        FixtureWarehouse.publish(data.resolve("warehouse"), "s-20261120123000000", null, FixtureWarehouse.PUBLISHED_AT);
        Path out = data.resolve("out/computers.pdf");
        ReportCommand.render(ReportCommand.Options.parse("bulletin-computers", "--data", data.toString(), "--format", "pdf",
                "--out", out.toString(), "--param", "bulletin=KB5000001", "--param", "state=installed", "--regions", "EU"));
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(out))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Computers of a Bulletin", "bulletin = KB5000001", "Scope: regions EU", "eu-ws-01")
                    .doesNotContain("us-ws-01");
        }
        Path csv = data.resolve("bulletins.csv");
        ReportCommand.render(ReportCommand.Options.parse("compliance-by-bulletin", "--data", data.toString(), "--format", "csv", "--out", csv.toString()));
        assertThat(Files.readAllLines(csv)).first().asString().startsWith("bulletin_id,title,severity");
    }

    @Test
    void unknown_reports_options_and_missing_warehouses_are_named_in_the_error() {
        assertThatThrownBy(() -> ReportCommand.Options.parse("compliance", "--format", "pdf", "--out", "x.pdf"))
                .hasMessageContaining("unknown report 'compliance'").hasMessageContaining("compliance-by-bulletin");
        assertThatThrownBy(() -> ReportCommand.Options.parse("exceptions", "--format", "docx", "--out", "x"))
                .hasMessageContaining("unknown format 'docx'");
        assertThatThrownBy(() -> ReportCommand.render(ReportCommand.Options.parse("exceptions", "--data", data.toString(), "--format", "pdf",
                "--out", data.resolve("x.pdf").toString())))
                .hasMessageContaining("no published warehouse snapshot under " + data.resolve("warehouse"));
    }
}

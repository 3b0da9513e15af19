package org.patchlake.reports.jasper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every report filled from the fixture warehouse (en-US, UTC): its CSV export must equal the checked-in golden
 * file. Run with -Dpatchlake.golden.update=true to rewrite the golden files after an intended change (then read
 * the diff). The PDFs land in target/report-samples for looking at (pdftoppm -png -r 60).
 */
class ReportGoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path SAMPLES = Path.of("target/report-samples");

    @TempDir
    static Path warehouse;
    private static FixtureReports reports;

    @BeforeAll
    static void publishFixture() throws Exception {
        reports = new FixtureReports(warehouse);
        Files.createDirectories(SAMPLES);
    }

    @AfterAll
    static void close() {
        reports.close();
    }

    @ParameterizedTest
    @EnumSource(ReportTemplate.class)
    void csv_export_matches_the_golden_file(ReportTemplate template) throws Exception {
        String csv = new String(reports.render(template, ExportFormat.CSV), StandardCharsets.UTF_8);
        Path golden = GOLDEN.resolve(template.reportName() + ".csv");
        if (Boolean.getBoolean("patchlake.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, csv, StandardCharsets.UTF_8);
        }
        assertThat(csv).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        for (ExportFormat format : new ExportFormat[] {ExportFormat.PDF, ExportFormat.HTML, ExportFormat.XLSX}) {
            Files.write(SAMPLES.resolve(template.reportName() + "." + format.extension()), reports.render(template, format));
        }
    }
}

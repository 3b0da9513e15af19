package org.patchlake.reports.jasper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RenderSamplesTest {
    private static final ReportEngine ENGINE = new ReportEngine();

    @ParameterizedTest
    @EnumSource(ReportTemplate.class)
    void every_report_renders_in_every_format(ReportTemplate template) throws Exception {
        Path dir = Path.of("target/report-samples");
        Files.createDirectories(dir);
        RenderOptions options = new RenderOptions(Locale.US, ZoneId.of("UTC"), "", ReportFixtures.GENERATED);
        for (ExportFormat format : ExportFormat.values()) {
            Path file = dir.resolve(template.reportName() + "." + format.extension());
            try (OutputStream out = Files.newOutputStream(file)) {
                ENGINE.render(template, ReportFixtures.forTemplate(template), options, format, out);
            }
            assertThat(Files.size(file)).isPositive();
        }
    }
}

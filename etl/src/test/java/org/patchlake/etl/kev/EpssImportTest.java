package org.patchlake.etl.kev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small hand-written EPSS file (no EPSS file ships with the project). */
class EpssImportTest {
  private static final String SCORES = """
      #model_version:v2023.03.01,score_date:2025-08-25T00:00:00+0000
      cve,epss,percentile
      CVE-2024-38063,0.86302,0.99388
      CVE-2023-21768,0.00042,0.05117
      CVE-1999-0001,0.01,0.7
      """;

  @TempDir
  Path directory;

  private static EpssFile parse(String text) {
    return EpssFile.parse(text.getBytes(StandardCharsets.UTF_8), "scores.csv");
  }

  @Test
  void a_file_of_scores_parses_with_its_model_and_date() {
    EpssFile file = parse(SCORES);
    assertThat(file.modelVersion()).isEqualTo("v2023.03.01");
    assertThat(file.scoreDate()).isEqualTo("2025-08-25T00:00:00+0000");
    assertThat(file.scores()).hasSize(3);
    assertThat(file.scores().get(0)).isEqualTo(new EpssFile.Score("CVE-2024-38063", 0.86302, 0.99388));
    assertThat(parse("cve,epss,percentile\nCVE-2024-38063,0.5,0.5\n").modelVersion()).as("the comment line is optional").isEmpty();
  }

  @Test
  void a_bad_line_is_refused_naming_its_number() {
    assertThatThrownBy(() -> parse("cve;epss;percentile\n")).hasMessage(
        "scores.csv line 1: expected the header cve,epss,percentile, found 'cve;epss;percentile'");
    assertThatThrownBy(() -> parse("cve,epss,percentile\nCVE-2024-38063,1.5,0.5\n"))
        .hasMessage("scores.csv line 2: epss 1.5 is not between 0 and 1");
    assertThatThrownBy(() -> parse("cve,epss,percentile\nCVE-2024-38063,0.5,high\n"))
        .hasMessage("scores.csv line 2: percentile 'high' is not a number");
    assertThatThrownBy(() -> parse("cve,epss,percentile\nCVE-2024-38063,0.5\n"))
        .hasMessage("scores.csv line 2: expected 3 fields (cve,epss,percentile), found 2");
    assertThatThrownBy(() -> parse("cve,epss,percentile\n2024-38063,0.5,0.5\n"))
        .hasMessage("scores.csv line 2: cve '2024-38063' is not a CVE id such as CVE-2024-38063");
    assertThatThrownBy(() -> parse("cve,epss,percentile\nCVE-2024-38063,0.5,0.5\nCVE-2024-38063,0.5,0.5\n"))
        .hasMessage("scores.csv line 3: CVE-2024-38063 is listed twice");
    assertThatThrownBy(() -> parse("")).hasMessage("scores.csv has no header line cve,epss,percentile");
    assertThatThrownBy(() -> parse("cve,epss,percentile\nCVE-2024-38063,NaN,0.5\n"))
        .hasMessage("scores.csv line 2: epss NaN is not between 0 and 1");
  }

  @Test
  void the_command_imports_plain_or_gzip_files_and_a_bad_file_changes_nothing() throws IOException {
    Path plain = directory.resolve("scores.csv");
    Files.writeString(plain, SCORES);
    Path gzip = directory.resolve("scores.csv.gz");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
      out.write(SCORES.replace("0.01,0.7", "0.02,0.8").getBytes(StandardCharsets.UTF_8));
    }
    Path bad = directory.resolve("bad.csv");
    Files.writeString(bad, "cve,epss,percentile\nCVE-2024-38063,2,0.5\n");
    Path warehouse = directory.resolve("warehouse");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    assertThat(run(List.of(plain.toString(), "--warehouse", warehouse.toString()), out, err, clock)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("EPSS scores imported: 3 CVEs, model v2023.03.01");
    assertThat(run(List.of(plain.toString(), "--warehouse", warehouse.toString()), out, err, clock)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("EPSS scores unchanged: 3 CVEs");
    assertThat(run(List.of(gzip.toString(), "--warehouse", warehouse.toString()), out, err,
        Clock.offset(clock, java.time.Duration.ofMinutes(1)))).isZero();
    String current = Files.readString(warehouse.resolve("epss/CURRENT"));
    assertThat(new EpssStore(warehouse).current().orElseThrow().sha256()).isEqualTo(
        KevImporter.sha256(SCORES.replace("0.01,0.7", "0.02,0.8").getBytes(StandardCharsets.UTF_8)));

    assertThat(run(List.of(bad.toString(), "--warehouse", warehouse.toString()), out, err, clock)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("EPSS import failed: ", "bad.csv line 2: epss 2 is not between 0 and 1");
    assertThat(Files.readString(warehouse.resolve("epss/CURRENT"))).isEqualTo(current);
  }

  private static int run(List<String> args, ByteArrayOutputStream out, ByteArrayOutputStream err, Clock clock) {
    return org.patchlake.cli.CommandMain.execute("catalog import-epss", new EpssImportCommand(clock), new PrintStream(out, true),
        new PrintStream(err, true), args.toArray(String[]::new));
  }
}

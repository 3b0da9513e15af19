package org.patchlake.etl.kev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.core.catalog.WesngCatalogBuilder;
import org.patchlake.etl.catalog.CatalogImporter;
import org.patchlake.etl.spark.SparkSessions;

/** The real KEV snapshot (../shared/data/kev) against the real Windows catalog (../shared/data/wesng), imported once. */
class KevImportTest {
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static Path sharedWarehouse;
  private static Path kevFile;

  @TempDir
  Path warehouse;

  @BeforeAll
  static void importRealCatalog(@TempDir Path directory) throws IOException {
    Path shared = shared();
    kevFile = shared.resolve("data/kev/known_exploited_vulnerabilities.json");
    sharedWarehouse = directory.resolve("warehouse");
    SparkSession spark = SparkSessions.forTests("kev-import-test");
    try {
      new CatalogImporter(spark, Clock.fixed(NOW, ZoneOffset.UTC), message -> { })
          .write(WesngCatalogBuilder.read(shared.resolve("data/wesng/definitions.zip"), rows -> { }), sharedWarehouse,
              System.nanoTime());
    } finally {
      spark.stop();
    }
  }

  @Test
  void the_real_snapshot_is_imported_and_matched_with_the_windows_catalog() throws IOException {
    KevImporter.Result result = new KevImporter(sharedWarehouse, Clock.fixed(NOW, ZoneOffset.UTC)).importFrom(kevFile.toString());

    assertThat(result.manifest().catalogVersion()).isEqualTo("2025.08.25");
    assertThat(result.manifest().entries()).isEqualTo(1404);
    assertThat(result.manifest().microsoft()).isEqualTo(340);
    assertThat(result.manifest().sha256()).hasSize(64);
    assertThat(result.microsoftInCatalog()).as("KEV's Microsoft CVEs the catalog's updates fix").contains(327L);
    assertThat(result.flaggedInCatalog()).as("of those, carrying wesng's own exploit flag").hasValueSatisfying(
        flagged -> assertThat(flagged).isLessThan(result.inCatalog().orElseThrow()));
    assertThat(result.summary()).contains("1,404 entries, 340 of them Microsoft", "327 of its 340 Microsoft CVEs");
    assertThat(rows(sharedWarehouse, "SELECT count(*), count_if(ransomware), min(date_added) FROM kev"))
        .isEqualTo(List.of("1404", String.valueOf(countOf("\"knownRansomwareCampaignUse\": \"Known\"")), "2021-11-03"));

    KevImporter.Result again = new KevImporter(sharedWarehouse, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC))
        .importFrom(kevFile.toString());
    assertThat(again.unchanged()).as("the same bytes again change nothing").isTrue();
    assertThat(again.manifest().name()).isEqualTo(result.manifest().name());
  }

  @Test
  void an_older_catalog_version_or_a_bad_file_is_refused_and_changes_nothing() throws IOException {
    Path newer = warehouse.resolve("newer.json");
    Files.writeString(newer, KevFileTest.file("2025.09.01", "2025-09-01T10:00:00Z",
        KevFileTest.entry("CVE-2024-38063", "2024-08-13", "2024-09-03", "Known"), 1));
    Path older = warehouse.resolve("older.json");
    Files.writeString(older, KevFileTest.file("2025.08.01", "2025-08-01T10:00:00Z",
        KevFileTest.entry("CVE-2023-21768", "2023-03-07", "2023-03-28", "Unknown"), 1));
    Path broken = warehouse.resolve("broken.json");
    Files.writeString(broken, KevFileTest.file("2025.10.01", "2025-10-01T10:00:00Z",
        KevFileTest.entry("CVE-2024-38063", "2024-08-13", "2024-09-31", "Known"), 1));
    Path data = warehouse.resolve("warehouse");

    KevImporter.Result imported = new KevImporter(data, Clock.fixed(NOW, ZoneOffset.UTC)).importFrom(newer.toString());
    assertThat(imported.inCatalog()).as("no Windows catalog in this warehouse").isEmpty();
    assertThat(imported.summary()).contains("no Windows catalog imported yet");
    String current = Files.readString(data.resolve("kev/CURRENT"));

    assertThatThrownBy(() -> new KevImporter(data, Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC)).importFrom(older.toString()))
        .hasMessageContaining("is KEV catalog 2025.08.01 released 2025-08-01T10:00:00Z, older than the current 2025.09.01");
    assertThatThrownBy(() -> new KevImporter(data, Clock.fixed(NOW.plusSeconds(2), ZoneOffset.UTC)).importFrom(broken.toString()))
        .hasMessageContaining("vulnerabilities[0].dueDate '2024-09-31' is not a date");
    assertThatThrownBy(() -> new KevImporter(data, Clock.fixed(NOW.plusSeconds(3), ZoneOffset.UTC))
        .importFrom(warehouse.resolve("missing.json").toString())).hasMessageContaining("is not a file");
    assertThat(Files.readString(data.resolve("kev/CURRENT"))).isEqualTo(current);
    try (var listing = Files.list(data.resolve("kev"))) {
      assertThat(listing.map(path -> path.getFileName().toString()).sorted().toList())
          .as("no directory left by the refused imports").containsExactly("CURRENT", current.trim());
    }
  }

  @Test
  void a_url_is_downloaded_and_the_command_prints_what_it_did() throws IOException {
    byte[] body = Files.readAllBytes(kevFile);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/kev.json", exchange -> {
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = importKev(out, err, url + "/kev.json", "--warehouse", warehouse.toString());
      assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("KEV catalog imported: 2025.08.25");

      err.reset();
      assertThat(importKev(out, err, url + "/gone.json", "--warehouse", warehouse.toString())).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("answered HTTP 404");
      assertThat(importKev(out, err)).as("FILE|URL missing").isEqualTo(2);
      assertThat(importKev(out, err, "a.json", "--bogus")).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--bogus'");
    } finally {
      server.stop(0);
    }
  }

  private static int importKev(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    return org.patchlake.cli.CommandMain.execute("catalog import-kev", new KevImportCommand(Clock.fixed(NOW, ZoneOffset.UTC)),
        new PrintStream(out, true), new PrintStream(err, true), args);
  }

  private static long countOf(String needle) throws IOException {
    String text = Files.readString(kevFile);
    long count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }

  private static List<String> rows(Path warehouse, String sql) throws IOException {
    Path table = new KevStore(warehouse).currentDirectory().orElseThrow().resolve(KevStore.TABLE);
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck.createStatement()) {
      statement.execute("CREATE VIEW kev AS SELECT * FROM read_parquet('" + table + "/*.parquet')");
      try (ResultSet row = statement.executeQuery(sql)) {
        row.next();
        return List.of(row.getString(1), row.getString(2), row.getString(3));
      }
    } catch (java.sql.SQLException e) {
      throw new IOException(e);
    }
  }

  /** ../shared: -Dpatchlake.shared, else the first "shared" folder holding data/kev walking up from here. */
  private static Path shared() {
    String property = System.getProperty("patchlake.shared");
    if (property != null && Files.isDirectory(Path.of(property, "data", "kev"))) {
      return Path.of(property);
    }
    for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
      if (Files.isDirectory(directory.resolve("shared/data/kev"))) {
        return directory.resolve("shared");
      }
    }
    throw new IllegalStateException("real data not found: set -Dpatchlake.shared or run below a folder holding shared/data/kev");
  }
}

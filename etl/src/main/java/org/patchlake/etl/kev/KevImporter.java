package org.patchlake.etl.kev;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.patchlake.etl.catalog.CatalogTables;
import org.patchlake.etl.catalog.CatalogVersions;

/**
 * {@code ./patchlake catalog import-kev FILE|URL} (and {@code import-epss}): reads CISA's Known Exploited Vulnerabilities catalog (a file, or
 * an http(s) URL such as CISA's published feed), checks every entry, stores it as the warehouse's current KEV table
 * and reports how it meets the Windows catalog: how many of KEV's CVEs the catalog's updates fix, and how many of those
 * the catalog's own exploit flag already marks.
 */
public final class KevImporter {
  /** A KEV file is about 1.3 MB; a body past this is not one. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private final Path warehouse;
  private final Clock clock;
  private final HttpClient http;

  public KevImporter(Path warehouse, Clock clock) {
    this.warehouse = requireNonNull(warehouse, "warehouse is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** What an import did. {@code inCatalog} and {@code flaggedInCatalog} are empty without a Windows catalog. */
  public record Result(KevStore.KevManifest manifest, boolean unchanged, Optional<Long> inCatalog,
      Optional<Long> flaggedInCatalog, Optional<Long> microsoftInCatalog) {
    public String summary() {
      StringBuilder text = new StringBuilder();
      text.append(unchanged ? "KEV catalog unchanged: " : "KEV catalog imported: ")
          .append(manifest.catalogVersion()).append(" (released ").append(manifest.dateReleased()).append("), ")
          .append(String.format("%,d", manifest.entries())).append(" entries, ")
          .append(String.format("%,d", manifest.microsoft())).append(" of them Microsoft; sha256 ")
          .append(manifest.sha256()).append('\n');
      if (inCatalog.isPresent()) {
        text.append(String.format("in the Windows catalog: %,d of KEV's CVEs (%,d of its %,d Microsoft CVEs), %,d of those"
                + " also carry the catalog's own exploit flag%n", inCatalog.get(), microsoftInCatalog.orElse(0L),
            manifest.microsoft(), flaggedInCatalog.orElse(0L)));
      } else {
        text.append("no Windows catalog imported yet: the flags are set when the ETL runs with one\n");
      }
      return text.toString();
    }
  }

  public Result importFrom(String source) throws IOException {
    requireNonNull(source, "source is null");
    byte[] bytes = read(source);
    String sha256 = sha256(bytes);
    KevFile file = KevFile.parse(bytes, source);
    KevStore store = new KevStore(warehouse);
    Optional<KevStore.KevManifest> before = store.current();
    KevStore.KevManifest manifest = store.write(file, source, sha256, clock.instant());
    boolean unchanged = before.isPresent() && before.get().name().equals(manifest.name());
    return withCatalogFigures(manifest, unchanged);
  }

  /** Imports FIRST EPSS scores (CSV, gzip accepted); returns what it did, as text. */
  public String importEpss(String source) throws IOException {
    requireNonNull(source, "source is null");
    byte[] bytes = gunzipped(read(source), source);
    String sha256 = sha256(bytes);
    EpssFile file = EpssFile.parse(bytes, source);
    EpssStore store = new EpssStore(warehouse);
    Optional<EpssStore.EpssManifest> before = store.current();
    EpssStore.EpssManifest manifest = store.write(file, source, sha256, clock.instant());
    boolean unchanged = before.isPresent() && before.get().equals(manifest);
    return String.format("EPSS scores %s: %,d CVEs%s%s; sha256 %s%n", unchanged ? "unchanged" : "imported",
        manifest.scores(), manifest.modelVersion().isEmpty() ? "" : ", model " + manifest.modelVersion(),
        manifest.scoreDate().isEmpty() ? "" : ", scored " + manifest.scoreDate(), manifest.sha256());
  }

  private static byte[] gunzipped(byte[] bytes, String source) throws IOException {
    if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
      return bytes;
    }
    try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
      byte[] inflated = in.readNBytes((int) MAX_BYTES + 1);
      if (inflated.length > MAX_BYTES) {
        throw new IllegalArgumentException(source + " inflates to more than " + MAX_BYTES + " bytes");
      }
      return inflated;
    } catch (java.util.zip.ZipException e) {
      throw new IllegalArgumentException(source + " is not readable gzip: " + e.getMessage());
    }
  }

  private Result withCatalogFigures(KevStore.KevManifest manifest, boolean unchanged) throws IOException {
    CatalogVersions versions = new CatalogVersions(warehouse);
    if (versions.current().isEmpty()) {
      return new Result(manifest, unchanged, Optional.empty(), Optional.empty(), Optional.empty());
    }
    Path catalog = versions.currentDirectory();
    Path kev = new KevStore(warehouse).currentDirectory().orElseThrow().resolve(KevStore.TABLE);
    String sql = "WITH cves AS (SELECT DISTINCT c.cve, bool_or(u.exploited) AS flagged"
        + " FROM read_parquet('" + glob(catalog.resolve(CatalogTables.UPDATE_CVES)) + "') c"
        + " JOIN read_parquet('" + glob(catalog.resolve(CatalogTables.UPDATES)) + "') u ON u.kb = c.kb AND u.product = c.product"
        + " GROUP BY c.cve)"
        + " SELECT count(*), count_if(cves.flagged), count_if(k.vendor_project ILIKE 'microsoft')"
        + " FROM read_parquet('" + glob(kev) + "') k JOIN cves ON cves.cve = k.cve";
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return new Result(manifest, unchanged, Optional.of(row.getLong(1)), Optional.of(row.getLong(2)),
          Optional.of(row.getLong(3)));
    } catch (SQLException e) {
      throw new IOException("cannot match the KEV catalog with the Windows catalog " + catalog + ": " + e.getMessage(), e);
    }
  }

  private static String glob(Path table) {
    return table.toAbsolutePath().toString().replace("'", "''") + "/*.parquet";
  }

  private byte[] read(String source) throws IOException {
    if (source.startsWith("https://") || source.startsWith("http://")) {
      return download(source);
    }
    Path path = Path.of(source);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("source " + source + " is not a file (nor an http(s) URL)");
    }
    if (Files.size(path) > MAX_BYTES) {
      throw new IllegalArgumentException("source " + source + " is " + Files.size(path) + " bytes, more than a KEV or"
          + " EPSS file can be (" + MAX_BYTES + ")");
    }
    return Files.readAllBytes(path);
  }

  private byte[] download(String url) throws IOException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("source '" + url + "' is not a URL: " + e.getMessage());
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).header("Accept", "application/json")
        .GET().build();
    HttpResponse<java.io.InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading " + url, e);
    }
    try (java.io.InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("downloading " + url + " answered HTTP " + response.statusCode());
      }
      byte[] bytes = body.readNBytes((int) MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IOException(url + " sent more than " + MAX_BYTES + " bytes, more than a KEV or EPSS file can be");
      }
      return bytes;
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}

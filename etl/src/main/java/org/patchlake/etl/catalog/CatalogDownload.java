package org.patchlake.etl.catalog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * {@code ./patchlake catalog import https://...}: downloads wesng's definitions.zip to a temporary file, with progress
 * and its SHA-256, and checks that it is a zip holding wesng's CVE CSV before anything is imported. Plain http is
 * accepted for loopback addresses only (a local mirror); anything else must be https.
 */
public final class CatalogDownload {
    /** The CSV wesng's definitions.zip carries: CVEs_YYYYMMDD.csv. */
    private static final java.util.regex.Pattern CVE_CSV = java.util.regex.Pattern.compile("CVEs_\\d{8}\\.csv");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    private static final long PROGRESS_STEP = 1 << 20;

    /** A verified download: the temporary file (the caller deletes it), its SHA-256 in hex and its size. */
    public record Downloaded(Path file, String sha256, long bytes, String csv) {
        public Downloaded {
            requireNonNull(file, "file is null");
            requireNonNull(sha256, "sha256 is null");
            requireNonNull(csv, "csv is null");
        }
    }

    private final HttpClient client;

    public CatalogDownload(HttpClient client) {
        this.client = requireNonNull(client, "client is null");
    }

    public static CatalogDownload standard() {
        return new CatalogDownload(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build());
    }

    /** True when SOURCE is an address to download rather than a file or the word 'generated'. */
    public static boolean isAddress(String source) {
        return source.startsWith("https://") || source.startsWith("http://");
    }

    /** Downloads {@code address}, reporting progress; IOException naming the address when it is not wesng's zip. */
    public Downloaded download(String address, Consumer<String> progress) throws IOException {
        URI uri = checked(address);
        Path file = Files.createTempFile("patchlake-catalog-", ".zip");
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long bytes;
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("download of " + address + " failed: HTTP " + response.statusCode());
                }
                long expected = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                progress.accept("downloading " + address + (expected < 0 ? "" : String.format(" (%,d bytes)", expected)));
                bytes = copy(new DigestInputStream(body, digest), file, expected, progress);
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            String csv = verify(file, address);
            progress.accept(String.format("downloaded %,d bytes, SHA-256 %s, holds %s", bytes, sha256, csv));
            return new Downloaded(file, sha256, bytes, csv);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        } catch (InterruptedException e) {
            Files.deleteIfExists(file);
            Thread.currentThread().interrupt();
            throw new IOException("download of " + address + " interrupted", e);
        } catch (NoSuchAlgorithmException e) {
            Files.deleteIfExists(file);
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    private static URI checked(String address) {
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SOURCE is not an address: '" + address + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("SOURCE has no host: '" + address + "'");
        }
        if (uri.getScheme().equals("http") && !LOOPBACK.contains(uri.getHost())) {
            throw new IllegalArgumentException("SOURCE must be an https:// address (plain http only from this machine): '"
                    + address + "'");
        }
        return uri;
    }

    private static long copy(InputStream in, Path file, long expected, Consumer<String> progress) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        long nextReport = PROGRESS_STEP;
        try (OutputStream out = Files.newOutputStream(file)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                total += read;
                if (total >= nextReport) {
                    progress.accept(expected > 0 ? String.format("downloaded %,d of %,d bytes (%d %%)", total, expected, total * 100 / expected)
                            : String.format("downloaded %,d bytes", total));
                    nextReport += PROGRESS_STEP;
                }
            }
        }
        return total;
    }

    /** The name of wesng's CVE CSV inside the zip; IOException naming the address when there is none or no zip. */
    private static String verify(Path file, String address) throws IOException {
        List<String> names;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            names = zip.stream().map(ZipEntry::getName).toList();
        } catch (ZipException e) {
            throw new IOException(address + " is not a zip file (" + e.getMessage() + "); expected wesng's definitions.zip");
        }
        return names.stream().filter(name -> CVE_CSV.matcher(name).matches()).findFirst().orElseThrow(() -> new IOException(
                address + " is a zip without wesng's CVEs_YYYYMMDD.csv (it holds " + names + "); expected wesng's definitions.zip"));
    }
}

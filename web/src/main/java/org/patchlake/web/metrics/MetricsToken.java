package org.patchlake.web.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import static java.util.Objects.requireNonNull;

/**
 * The bearer token {@code /metrics} asks for: given at start ({@code --metrics-token} or PATCHLAKE_METRICS_TOKEN), else
 * read from {@code DATA/ops/metrics-token}, else generated there once (owner-only file) for Prometheus to read as its
 * {@code credentials_file}.
 *
 * @param file    the file it was read from or written to; null when given at start
 * @param created true when it was generated now (the server prints it once)
 */
public record MetricsToken(String value, Path file, boolean created) {
    public static final String FILE_NAME = "metrics-token";
    public static final int MINIMUM_LENGTH = 16;

    public MetricsToken {
        requireNonNull(value, "value is null");
        if (value.length() < MINIMUM_LENGTH || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the metrics token must be at least " + MINIMUM_LENGTH
                    + " printable characters without spaces" + (file == null ? "" : " (" + file + ")"));
        }
    }

    /** The configured token, or the one in {@code opsDirectory/metrics-token}, created there when missing. */
    public static MetricsToken resolve(String configured, Path opsDirectory, SecureRandom random) {
        if (configured != null) {
            return new MetricsToken(configured, null, false);
        }
        Path file = opsDirectory.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return new MetricsToken(Files.readString(file, StandardCharsets.UTF_8).trim(), file, false);
            }
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.createDirectories(opsDirectory);
            Path temporary = Files.createTempFile(opsDirectory, FILE_NAME, ".tmp");
            ownerOnly(temporary);
            Files.writeString(temporary, token + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException anotherServerWasFaster) {
                Files.deleteIfExists(temporary);
                return new MetricsToken(Files.readString(file, StandardCharsets.UTF_8).trim(), file, false);
            }
            return new MetricsToken(token, file, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the metrics token " + file, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's ACL applies
        }
    }
}

package org.patchlake.web.remediation;

import io.javalin.http.Context;
import org.patchlake.web.http.WebException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The installers agents download ({@code GET /packages/KB5034441.msu}, public like the vendor's own download
 * site). A file {@code DATA/packages/KB5034441.msu} placed by an administrator is served as it is; without one
 * the server serves a small generated placeholder for the KB, which simulated endpoints install and a real
 * Windows installer rejects (the attempt is then reported as failed with the installer's code). The policy
 * carries each package's SHA-256, so the agent refuses anything else.
 */
public final class RemediationPackages {
    public static final String PATH = "/packages/";
    private static final Pattern FILE = Pattern.compile("(KB[0-9]{4,8})\\.msu", Pattern.CASE_INSENSITIVE);

    /** One package: its bytes' SHA-256 and whether it is the generated placeholder. */
    public record Package(String kb, byte[] content, String sha256, boolean placeholder) {
    }

    private final Path directory;
    private final Map<String, Package> cache = new ConcurrentHashMap<>();

    public RemediationPackages(Path directory) {
        this.directory = requireNonNull(directory, "directory is null");
    }

    public Package get(String kb) {
        String normalised = kb.toUpperCase(Locale.ROOT);
        return cache.computeIfAbsent(normalised, this::load);
    }

    public static String fileName(String kb) {
        return kb.toUpperCase(Locale.ROOT) + ".msu";
    }

    private Package load(String kb) {
        Path file = directory.resolve(fileName(kb));
        try {
            if (Files.isRegularFile(file)) {
                byte[] content = Files.readAllBytes(file);
                return new Package(kb, content, sha256(content), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read package " + file, e);
        }
        byte[] content = ("Patchlake placeholder package for " + kb + " (simulated endpoints only; put the vendor's "
                + fileName(kb) + " into the packages directory for real ones)\n").getBytes(StandardCharsets.UTF_8);
        return new Package(kb, content, sha256(content), true);
    }

    /** {@code GET /packages/{file}}. */
    void serve(Context ctx) {
        Matcher matcher = FILE.matcher(ctx.pathParam("file"));
        if (!matcher.matches()) {
            throw WebException.notFound("no package '" + ctx.pathParam("file").replaceAll("[^A-Za-z0-9._-]", "?") + "' (KB<number>.msu)");
        }
        Package found = get(matcher.group(1));
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(found.kb()) + "\"");
        ctx.header("X-Content-SHA256", found.sha256());
        ctx.contentType("application/octet-stream").result(found.content());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

package org.patchlake.web.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a redirect to a client-supplied address ({@code /sign-in?next=...}) may go: only a path of this server.
 * Browsers normalise a {@code Location} before they resolve it: they drop tabs and line breaks anywhere, trim spaces
 * and control characters, and read a backslash as a slash, so {@code /\t/example.com} and {@code /\example.com} are
 * {@code //example.com}, another host. The rule is therefore stricter than "starts with one slash": printable ASCII
 * only (no space, tab, line break or backslash), one leading slash, the same once percent-decoded (a proxy or a second
 * decoding must not find {@code //} either), and no scheme or host when parsed.
 */
public final class LocalRedirect {
    private LocalRedirect() {
    }

    /** The path itself when it is safe to redirect to, else empty. */
    public static Optional<String> path(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > 2000 || !printableAscii(candidate)
                || !oneLeadingSlash(candidate)) {
            return Optional.empty();
        }
        int end = firstOf(candidate, '?', '#');
        String decodedPath;
        try {
            decodedPath = URLDecoder.decode(candidate.substring(0, end).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return Optional.empty();
        }
        if (!oneLeadingSlash(decodedPath) || decodedPath.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null || !uri.getRawPath().startsWith("/")) {
                return Optional.empty();
            }
        } catch (URISyntaxException notAnAddress) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    private static boolean printableAscii(String text) {
        return text.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\');
    }

    private static boolean oneLeadingSlash(String path) {
        return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
    }

    private static int firstOf(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        if (i < 0) {
            return j < 0 ? text.length() : j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}

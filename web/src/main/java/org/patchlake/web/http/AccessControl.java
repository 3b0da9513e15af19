package org.patchlake.web.http;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import org.patchlake.web.auth.AuthService;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Authentication and CSRF for every request: resolves the session cookie to a viewer, sends anonymous visitors
 * to sign-in (pages) or answers 401 (API), and refuses a state-changing request whose CSRF token does not match
 * the session's. Routes then ask for a permission with {@link #require}.
 */
public final class AccessControl {
    public static final String SESSION_COOKIE = "patchlake_session";
    public static final String SIGN_IN_COOKIE = "patchlake_sign_in";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    private static final String VIEWER = "patchlake.viewer";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<String> PUBLIC_PREFIXES = List.of("/static/", "/api/agent/", "/packages/");
    private static final Set<String> PUBLIC_PATHS = Set.of("/sign-in", "/health", "/metrics", "/api/v1/openapi.json",
            "/favicon.ico");

    /** Thrown to send an anonymous page visitor to the sign-in page. */
    public static final class SignInRequired extends RuntimeException {
        private final String next;

        SignInRequired(String next) {
            super("sign in required");
            this.next = next;
        }

        public String next() {
            return next;
        }
    }

    private final AuthService auth;
    private final boolean secureCookies;

    public AccessControl(AuthService auth, boolean secureCookies) {
        this.auth = requireNonNull(auth, "auth is null");
        this.secureCookies = secureCookies;
    }

    public static boolean isPublic(String path) {
        return PUBLIC_PATHS.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    public static boolean isApi(String path) {
        return path.startsWith("/api/");
    }

    public void before(Context ctx) {
        String path = ctx.path();
        if (isPublic(path)) {
            return;
        }
        Optional<Viewer> viewer = auth.viewer(ctx.cookie(SESSION_COOKIE));
        if (viewer.isEmpty()) {
            if (isApi(path) || !SAFE_METHODS.contains(ctx.method().name())) {
                throw new WebException(401, "unauthenticated", "sign in first (POST /sign-in)");
            }
            String query = ctx.queryString();
            throw new SignInRequired(query == null ? path : path + "?" + query);
        }
        ctx.attribute(VIEWER, viewer.get());
        if (!SAFE_METHODS.contains(ctx.method().name())) {
            String presented = ctx.header(CSRF_HEADER);
            if (presented == null && isForm(ctx)) {
                presented = ctx.formParam(CSRF_FIELD);
            }
            if (!constantTimeEquals(presented, viewer.get().session().csrfToken())) {
                throw new WebException(403, "csrf", "missing or wrong CSRF token (form field _csrf or header X-CSRF-Token)");
            }
        }
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.startsWith("application/x-www-form-urlencoded");
    }

    public static boolean constantTimeEquals(String presented, String expected) {
        if (presented == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** The signed-in viewer of this request (only on non-public routes). */
    public static Viewer viewer(Context ctx) {
        Viewer viewer = ctx.attribute(VIEWER);
        if (viewer == null) {
            throw new WebException(401, "unauthenticated", "sign in first");
        }
        return viewer;
    }

    public static Optional<Viewer> optionalViewer(Context ctx) {
        return Optional.ofNullable(ctx.attribute(VIEWER));
    }

    public static Viewer require(Context ctx, Permission permission) {
        Viewer viewer = viewer(ctx);
        if (permission != null && !viewer.user().can(permission)) {
            throw WebException.forbidden("your roles do not allow this (" + permission.name().toLowerCase() + ")");
        }
        return viewer;
    }

    public Cookie sessionCookie(String token, int maxAgeSeconds) {
        return cookie(SESSION_COOKIE, token, maxAgeSeconds);
    }

    public Cookie cookie(String name, String value, int maxAgeSeconds) {
        return new Cookie(name, value, "/", maxAgeSeconds, secureCookies, 0, true, null, null, SameSite.STRICT);
    }
}

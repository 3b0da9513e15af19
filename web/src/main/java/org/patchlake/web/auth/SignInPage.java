package org.patchlake.web.auth;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.LocalRedirect;
import org.patchlake.web.http.WebException;
import org.patchlake.web.layout.Templates;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;


/**
 * Sign-in and sign-out. The sign-in form is protected against login CSRF by a double-submit token: a random
 * cookie set with the form, which the form posts back.
 */
public final class SignInPage {
    private final AuthService auth;
    private final AccessControl access;
    private final java.security.SecureRandom random = new java.security.SecureRandom();
    private final java.time.Clock clock;

    public SignInPage(AuthService auth, AccessControl access, java.time.Clock clock) {
        this.auth = auth;
        this.access = access;
        this.clock = clock;
    }

    public void register(Javalin app) {
        app.get("/sign-in", this::form);
        app.post("/sign-in", this::signIn);
        app.post("/sign-out", this::signOut);
    }

    private void form(Context ctx) {
        String token = ctx.cookie(AccessControl.SIGN_IN_COOKIE);
        if (token == null || token.length() != 43) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ctx.cookie(access.cookie(AccessControl.SIGN_IN_COOKIE, token, 3600));
        }
        ctx.html(render(token, safeNext(ctx.queryParam("next")), null));
    }

    private static String render(String token, String next, String error) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("token", token);
        parameters.put("next", next);
        parameters.put("error", error);
        return Templates.render("pages/signIn.jte", parameters);
    }

    private void signIn(Context ctx) {
        String cookieToken = ctx.cookie(AccessControl.SIGN_IN_COOKIE);
        if (!AccessControl.constantTimeEquals(ctx.formParam("_csrf"), cookieToken)) {
            throw new WebException(403, "csrf", "the sign-in form expired or was not loaded from this server; reload it");
        }
        String name = ctx.formParam("name");
        String password = ctx.formParam("password");
        String next = safeNext(ctx.formParam("next"));
        if (name == null || name.isBlank() || password == null || password.isEmpty() || name.length() > 100 || password.length() > 200) {
            ctx.status(400).html(render(cookieToken, next, "Enter your user name and password."));
            return;
        }
        AuthService.SignInResult result = auth.signIn(name.trim(), password, ctx.ip());
        if (result instanceof AuthService.SignInResult.Success success) {
            int maxAge = (int) Math.max(1, Duration.between(clock.instant(), success.session().expiresAt()).toSeconds());
            ctx.cookie(access.sessionCookie(success.session().token(), maxAge));
            ctx.removeCookie(AccessControl.SIGN_IN_COOKIE, "/");
            ctx.redirect(next);
        } else if (result instanceof AuthService.SignInResult.LockedOut locked) {
            long minutes = Math.max(1, (locked.retryAfter().toSeconds() + 59) / 60);
            ctx.header("Retry-After", Long.toString(locked.retryAfter().toSeconds()));
            ctx.status(429).html(render(cookieToken, next, "Too many failed sign-ins. Try again in " + minutes + " minute(s)."));
        } else {
            ctx.status(401).html(render(cookieToken, next, "Wrong user name or password."));
        }
    }

    private void signOut(Context ctx) {
        AccessControl.optionalViewer(ctx).ifPresent(viewer -> auth.signOut(viewer, ctx.ip()));
        ctx.removeCookie(AccessControl.SESSION_COOKIE, "/");
        ctx.redirect("/sign-in");
    }

    /** Only paths of this server ({@link LocalRedirect}), never back to sign-in: otherwise the dashboard. */
    static String safeNext(String next) {
        return LocalRedirect.path(next).filter(path -> !path.startsWith("/sign-")).orElse("/dashboard");
    }
}

package org.patchlake.web.auth;

import org.patchlake.web.audit.AuditLog;
import org.patchlake.web.users.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Sign-in, sign-out and session lookup. */
public final class AuthService {
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);

    public sealed interface SignInResult {
        record Success(User user, SessionStore.Session session) implements SignInResult {
        }

        record Rejected() implements SignInResult {
        }

        record LockedOut(Duration retryAfter) implements SignInResult {
        }
    }

    /** A signed-in viewer for one request. */
    public record Viewer(User user, SessionStore.Session session) {
        public Viewer {
            requireNonNull(user, "user is null");
            requireNonNull(session, "session is null");
        }
    }

    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final SignInLimiter limiter;
    private final AuditLog audit;

    public AuthService(UserStore users, SessionStore sessions, PasswordHasher hasher, SignInLimiter limiter, AuditLog audit) {
        this.users = requireNonNull(users, "users is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.hasher = requireNonNull(hasher, "hasher is null");
        this.limiter = requireNonNull(limiter, "limiter is null");
        this.audit = requireNonNull(audit, "audit is null");
    }

    /**
     * Checks a password. The attempt is reserved with the limiter before the (slow) hash and counts as a failure until
     * it succeeded, so parallel guesses cannot all slip past the limits while their hashes run.
     */
    public SignInResult signIn(String name, String password, String address) {
        SignInLimiter.Decision decision = limiter.reserve(name, address);
        if (decision instanceof SignInLimiter.Decision.Refused refused) {
            LOG.warn("event=sign_in_locked user={} address={} retry_after_s={}", name, address, refused.retryAfter().toSeconds());
            return new SignInResult.LockedOut(refused.retryAfter());
        }
        SignInLimiter.Reservation reservation = ((SignInLimiter.Decision.Allowed) decision).reservation();
        boolean ok = false;
        Optional<UserStore.Credentials> credentials = Optional.empty();
        try {
            credentials = users.credentials(name);
            if (credentials.isEmpty()) {
                hasher.verifyDecoy(password);
            } else {
                ok = hasher.verify(password, credentials.get().passwordHash()) && !credentials.get().user().disabled();
            }
        } finally {
            if (ok) {
                limiter.succeeded(reservation);
            } else {
                limiter.failed(reservation);
            }
        }
        if (!ok) {
            LOG.warn("event=sign_in_failed user={} address={}", name, address);
            return new SignInResult.Rejected();
        }
        User user = credentials.get().user();
        SessionStore.Session session = sessions.create(user.id(), address);
        audit.record(user.name(), "sign_in", "user:" + user.name(), null, null, address);
        LOG.info("event=sign_in user={} address={}", name, address);
        return new SignInResult.Success(user, session);
    }

    /** The viewer for a session cookie; empty when the session is unknown, expired, or its user disabled. */
    public Optional<Viewer> viewer(String sessionToken) {
        return sessions.find(sessionToken).flatMap(session -> users.findById(session.userId())
                .filter(user -> !user.disabled())
                .map(user -> new Viewer(user, session)));
    }

    public void signOut(Viewer viewer, String address) {
        sessions.delete(viewer.session().token());
        audit.record(viewer.user().name(), "sign_out", "user:" + viewer.user().name(), null, null, address);
    }
}

package org.patchlake.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Rate-limits sign-in: too many failures for one user name, or from one client address, within the window lock
 * that name or address out for the lockout period. Kept in memory (one web node).
 *
 * <p>An attempt is <em>reserved</em> before its password is hashed and counts as a failure until it is known to have
 * succeeded: otherwise parallel guesses would all pass the check while the hashes run, and none would be refused.
 * So at most {@code failuresPerUser} attempts for one name (and {@code failuresPerAddress} from one address) are ever
 * checked within the window, however many arrive at once.
 */
public final class SignInLimiter {
    public record Limits(int failuresPerUser, int failuresPerAddress, Duration window, Duration lockout) {
        public Limits {
            requireNonNull(window, "window is null");
            requireNonNull(lockout, "lockout is null");
            if (failuresPerUser < 1 || failuresPerAddress < 1) {
                throw new IllegalArgumentException("sign-in limits must be at least 1, were " + failuresPerUser + " / " + failuresPerAddress);
            }
        }

        public static Limits defaults() {
            return new Limits(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));
        }
    }

    /** An attempt allowed to check its password; report how it ended with {@link #failed} or {@link #succeeded}. */
    public record Reservation(String user, String address, Instant at) {
        public Reservation {
            requireNonNull(user, "user is null");
            requireNonNull(address, "address is null");
            requireNonNull(at, "at is null");
        }
    }

    /** The answer to {@link #reserve}: an attempt may go ahead, or must wait {@code retryAfter}. */
    public sealed interface Decision {
        record Allowed(Reservation reservation) implements Decision {
        }

        record Refused(Duration retryAfter) implements Decision {
        }
    }

    /** Failures (and attempts still running) of one name or address within the window. */
    private static final class Attempts {
        final Deque<Instant> times = new ArrayDeque<>();
        Instant lockedUntil = Instant.MIN;
    }

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    public SignInLimiter(Limits limits, Clock clock) {
        this.limits = requireNonNull(limits, "limits is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Reserves one attempt for the user name and address, counted against both limits until it ends; refused while
     * either is locked out or already holds its limit of failures and running attempts.
     */
    public Decision reserve(String userName, String address) {
        Instant now = clock.instant();
        if (attempts.size() > 100_000) {
            attempts.clear(); // bounded memory under a spray of names; limits restart
        }
        Attempts user = attempts.computeIfAbsent(userKey(userName), k -> new Attempts());
        Attempts from = attempts.computeIfAbsent(addressKey(address), k -> new Attempts());
        // one lock order for every pair (user keys before address keys), so two attempts never wait on each other
        synchronized (user) {
            synchronized (from) {
                Optional<Duration> wait = later(blockedFor(user, limits.failuresPerUser(), now), blockedFor(from, limits.failuresPerAddress(), now));
                if (wait.isPresent()) {
                    return new Decision.Refused(wait.get());
                }
                user.times.addLast(now);
                from.times.addLast(now);
                return new Decision.Allowed(new Reservation(userName, address, now));
            }
        }
    }

    /** The attempt failed: it stays counted, and a name or address at its limit is locked out. */
    public void failed(Reservation reservation) {
        Instant now = clock.instant();
        lockIfFull(attempts.get(userKey(reservation.user())), limits.failuresPerUser(), now);
        lockIfFull(attempts.get(addressKey(reservation.address())), limits.failuresPerAddress(), now);
    }

    /** The attempt succeeded: the name's failures are forgiven, and the attempt no longer counts against the address. */
    public void succeeded(Reservation reservation) {
        attempts.remove(userKey(reservation.user()));
        Attempts from = attempts.get(addressKey(reservation.address()));
        if (from != null) {
            synchronized (from) {
                from.times.removeFirstOccurrence(reservation.at());
            }
        }
    }

    /** How long an entry refuses new attempts: while locked out, or while it holds its limit within the window. */
    private Optional<Duration> blockedFor(Attempts entry, int limit, Instant now) {
        if (entry.lockedUntil.isAfter(now)) {
            return Optional.of(Duration.between(now, entry.lockedUntil));
        }
        Instant windowStart = now.minus(limits.window());
        while (!entry.times.isEmpty() && entry.times.peekFirst().isBefore(windowStart)) {
            entry.times.removeFirst();
        }
        if (entry.times.size() >= limit) {
            Duration untilOldestLeaves = Duration.between(windowStart, entry.times.peekFirst());
            return Optional.of(untilOldestLeaves.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : untilOldestLeaves);
        }
        return Optional.empty();
    }

    private void lockIfFull(Attempts entry, int limit, Instant now) {
        if (entry == null) {
            return;
        }
        synchronized (entry) {
            if (entry.times.size() >= limit && !entry.lockedUntil.isAfter(now)) {
                entry.lockedUntil = now.plus(limits.lockout());
                entry.times.clear();
            }
        }
    }

    private static Optional<Duration> later(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
    }

    private static String userKey(String userName) {
        return "user:" + userName;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}

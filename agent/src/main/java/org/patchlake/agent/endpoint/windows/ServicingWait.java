package org.patchlake.agent.endpoint.windows;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.patchlake.core.protocol.InstallerKind;

/**
 * After an installer client timed out and was killed, the work it started goes on in TrustedInstaller or the
 * Windows Installer service; a retry started now would fail with 0x80240016 or 1618. This waits (polling, up to a
 * limit) until servicing is idle and says how it went, so the attempt is reported truthfully and the next one finds
 * the update installed, or servicing free.
 */
public final class ServicingWait {

    /** Sleeps between polls; the real one blocks the thread, tests advance a clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** How the wait ended: idle after {@code waited}, or still busy with {@code busy} when the limit was reached. */
    public record Outcome(boolean idle, Duration waited, String busy) {
        public String describe() {
            return idle ? "servicing finished " + minutes(waited) + " later"
                : "servicing was still busy " + minutes(waited) + " later (" + busy + ")";
        }

        private static String minutes(Duration duration) {
            return duration.toMinutes() + " min";
        }
    }

    private final ServicingProbe probe;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration pollEvery;

    public ServicingWait(ServicingProbe probe, Clock clock, Sleeper sleeper, Duration pollEvery) {
        this.probe = requireNonNull(probe, "probe is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.pollEvery = requireNonNull(pollEvery, "pollEvery is null");
    }

    public Outcome untilIdle(InstallerKind kind, Duration limit) {
        Instant start = clock.instant();
        Optional<String> busy = probe.busy(kind);
        while (busy.isPresent()) {
            Duration waited = Duration.between(start, clock.instant());
            if (waited.compareTo(limit) >= 0) {
                return new Outcome(false, waited, busy.get());
            }
            try {
                sleeper.sleep(pollEvery);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(false, Duration.between(start, clock.instant()), busy.get());
            }
            busy = probe.busy(kind);
        }
        return new Outcome(true, Duration.between(start, clock.instant()), null);
    }
}

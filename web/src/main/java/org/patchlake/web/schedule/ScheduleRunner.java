package org.patchlake.web.schedule;

import org.patchlake.web.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import static java.util.Objects.requireNonNull;

/**
 * The scheduler: one thread that sleeps until the earliest due time (a cron time, a retry, a "send now"), sends
 * what is due, and records each attempt and the schedule's new state. A cron time that passed while the server
 * was down is found due at start and sent once, whatever the number of missed times; the next run is then
 * computed from now. A failed attempt is retried with growing delays ({@link MailConfig#retryDelay}); after the
 * last retry the schedule waits for its next cron time. Failures in a row are counted and flag the schedule.
 */
public final class ScheduleRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);
    /** A run found this late was missed (the server was not running at its time). */
    static final Duration CATCH_UP_AFTER = Duration.ofMinutes(2);
    /** Wake at least this often, so a changed wall clock is noticed. */
    private static final Duration LONGEST_SLEEP = Duration.ofMinutes(1);
    private static final int MOST_MISSED_COUNTED = 10_000;

    private final ScheduleStore store;
    private final ScheduleSender sender;
    private final MailConfig mail;
    private final Metrics metrics;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    public ScheduleRunner(ScheduleStore store, ScheduleSender sender, MailConfig mail, Metrics metrics, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.sender = requireNonNull(sender, "sender is null");
        this.mail = requireNonNull(mail, "mail is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "patchlake-schedules");
        thread.setDaemon(true);
        thread.start();
        LOG.info("event=scheduler_started mail=\"{}\"", mail.describe());
    }

    /** Makes the thread look again now (a schedule changed, "send now", or a test moved its clock). */
    public void wakeUp() {
        lock.lock();
        try {
            woken = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            boolean failed = false;
            try {
                runDue();
            } catch (RuntimeException e) {
                LOG.error("event=scheduler_pass_failed", e);
                failed = true;
            }
            sleepUntilDue(failed);
        }
    }

    private void sleepUntilDue(boolean afterFailure) {
        long millis;
        try {
            Optional<Instant> next = store.nextDue();
            millis = next.map(due -> Duration.between(clock.instant(), due).toMillis()).orElse(LONGEST_SLEEP.toMillis());
        } catch (RuntimeException e) {
            LOG.error("event=scheduler_next_due_failed", e);
            millis = LONGEST_SLEEP.toMillis();
        }
        millis = Math.min(Math.max(millis, afterFailure ? 1000 : 0), LONGEST_SLEEP.toMillis());
        lock.lock();
        try {
            if (!woken && running && millis > 0) {
                changed.await(millis, TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Sends everything due now, one schedule after the other. */
    void runDue() {
        List<Long> due = store.due(clock.instant());
        for (long id : due) {
            if (!running) {
                return;
            }
            store.find(id).ifPresent(this::run);
        }
    }

    private void run(Schedule schedule) {
        Instant now = clock.instant();
        ScheduleDefinition definition = schedule.definition();
        Delivery.Trigger trigger;
        Instant dueAt;
        int attempt = 1;
        int missed = 0;
        if (schedule.sendRequestedAt() != null && !schedule.sendRequestedAt().isAfter(now)) {
            trigger = Delivery.Trigger.MANUAL;
            dueAt = schedule.sendRequestedAt();
        } else if (definition.enabled() && schedule.nextRunAt() != null && !schedule.nextRunAt().isAfter(now)) {
            dueAt = schedule.nextRunAt();
            missed = slotsBetween(definition, dueAt, now);
            trigger = Duration.between(dueAt, now).compareTo(CATCH_UP_AFTER) > 0 ? Delivery.Trigger.CATCH_UP : Delivery.Trigger.SCHEDULED;
        } else if (definition.enabled() && schedule.retryAt() != null && !schedule.retryAt().isAfter(now)) {
            trigger = Delivery.Trigger.RETRY;
            dueAt = schedule.retryAt();
            attempt = schedule.retryAttempt() + 1;
        } else {
            return;
        }
        Instant started = clock.instant();
        ScheduleSender.Result result;
        try {
            result = sender.send(schedule, trigger, dueAt, missed);
        } catch (RuntimeException e) {
            LOG.error("event=schedule_send_failed schedule={}", schedule.id(), e);
            result = ScheduleSender.Result.failed(true, SmtpMailer.describe(e), null, null);
        }
        Instant finished = clock.instant();
        Schedule.State state = nextState(schedule, trigger, attempt, result, finished);
        store.record(new Delivery(0, schedule.id(), trigger, dueAt, attempt, started, finished, definition.recipients(),
                definition.format().name(), result.sizeBytes(), result.snapshot() == null ? null : result.snapshot().id(),
                result.snapshot() == null ? null : result.snapshot().dataAsOf(),
                result.sent() ? Delivery.Outcome.SENT : Delivery.Outcome.FAILED, result.smtpResponse(), result.error()), state,
                schedule.updatedAt());
        metrics.increment("patchlake_schedule_deliveries_total", "Scheduled report mails by outcome",
                "outcome", result.sent() ? "sent" : "failed");
        if (result.sent()) {
            LOG.info("event=schedule_sent schedule={} trigger={} recipients={} bytes={} smtp=\"{}\"", schedule.id(), trigger,
                    definition.recipients().size(), result.sizeBytes(), result.smtpResponse());
        } else {
            LOG.warn("event=schedule_failed schedule={} trigger={} attempt={} failures_in_a_row={} retry_at={} error=\"{}\"", schedule.id(),
                    trigger, attempt, state.consecutiveFailures(), state.retryAt(), result.error());
        }
    }

    Schedule.State nextState(Schedule schedule, Delivery.Trigger trigger, int attempt, ScheduleSender.Result result, Instant now) {
        ScheduleDefinition definition = schedule.definition();
        boolean newRun = trigger == Delivery.Trigger.SCHEDULED || trigger == Delivery.Trigger.CATCH_UP;
        Instant nextRunAt = newRun ? definition.cronExpression().next(now, definition.timeZone()).orElse(null) : schedule.nextRunAt();
        boolean manual = trigger == Delivery.Trigger.MANUAL;
        if (result.sent()) {
            String status = "sent to " + definition.recipients().size() + (definition.recipients().size() == 1 ? " recipient" : " recipients")
                    + (trigger == Delivery.Trigger.SCHEDULED ? "" : " (" + trigger.name().toLowerCase().replace('_', '-') + ")")
                    + ": " + result.smtpResponse();
            return new Schedule.State(nextRunAt, null, 0, manual, now, status, 0, null);
        }
        Instant retryAt = null;
        String then;
        if (result.retryable() && attempt <= mail.retries()) {
            retryAt = now.plus(mail.retryDelay(attempt));
            then = "retry " + attempt + " of " + mail.retries() + " at " + DateTimeFormatter.ISO_INSTANT.format(retryAt);
        } else {
            then = result.retryable() ? "no retries left; next try at the next scheduled time"
                    : "not retried (fix the schedule or its owner); next try at the next scheduled time";
        }
        String status = "attempt " + attempt + " failed: " + result.error() + "; " + then;
        int failures = schedule.consecutiveFailures() + 1;
        Instant failingSince = schedule.failingSince() == null ? now : schedule.failingSince();
        return new Schedule.State(nextRunAt, retryAt, attempt, manual, schedule.lastRunAt(), status, failures, failingSince);
    }

    /** How many cron times fell in [from, to] (at least 1: the one due at {@code from}). */
    static int slotsBetween(ScheduleDefinition definition, Instant from, Instant to) {
        CronExpression cron = definition.cronExpression();
        int count = 1;
        Instant at = from;
        while (count < MOST_MISSED_COUNTED) {
            Optional<Instant> next = cron.next(at, definition.timeZone());
            if (next.isEmpty() || next.get().isAfter(to)) {
                break;
            }
            count++;
            at = next.get();
        }
        return count;
    }

    @Override
    public void close() {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopping = thread;
            thread = null;
        }
        wakeUp();
        if (stopping != null) {
            try {
                stopping.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package org.patchlake.web.schedule;

import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.auth.User;
import org.patchlake.web.http.WebException;
import org.patchlake.web.metrics.Metrics;
import org.patchlake.web.report.ExportService;
import org.patchlake.web.report.ReportService;
import org.patchlake.web.audit.AuditLog;
import org.patchlake.web.database.OpsDatabase;
import org.patchlake.web.users.UserStore;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Scheduled reports: creating, editing, deleting and "send now" (each audited), who may see which schedule, and
 * the scheduler thread. A user with {@link Permission#MANAGE_SCHEDULES} manages the schedules they own; one who
 * may also see every region manages all of them. The owner never changes: reports are always rendered in the
 * owner's scope.
 */
public final class ScheduleService implements AutoCloseable {
    private final ScheduleStore store;
    private final ScheduleRunner runner;
    private final MailConfig mail;
    private final UserStore users;
    private final ReportService reports;
    private final AuditLog audit;
    private final Clock clock;

    public ScheduleService(OpsDatabase database, MailConfig mail, UserStore users, ReportService reports, ExportService exports,
                           AuditLog audit, Metrics metrics, Clock clock) {
        this.store = new ScheduleStore(database);
        this.mail = requireNonNull(mail, "mail is null");
        this.users = requireNonNull(users, "users is null");
        this.reports = requireNonNull(reports, "reports is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.runner = new ScheduleRunner(store, new ScheduleSender(users, reports, exports, new SmtpMailer(mail, clock)), mail, metrics, clock);
        metrics.gauge("patchlake_schedules_failing", "Schedules whose recent delivery attempts all failed",
                () -> (double) store.all().stream().filter(s -> s.failing(mail.flagAfterFailures())).count());
    }

    public void start() {
        runner.start();
    }

    /** Makes the scheduler look at the schedules again now. */
    public void wakeUp() {
        runner.wakeUp();
    }

    public MailConfig mail() {
        return mail;
    }

    public ReportService reports() {
        return reports;
    }

    public Clock clock() {
        return clock;
    }

    public boolean failing(Schedule schedule) {
        return schedule.failing(mail.flagAfterFailures());
    }

    /** The schedules the viewer may manage. */
    public List<Schedule> visible(User viewer) {
        return store.all().stream().filter(s -> mayManage(viewer, s)).toList();
    }

    /** A schedule the viewer may manage; 404 otherwise (existence is not revealed). */
    public Schedule find(User viewer, long id) {
        return store.find(id).filter(s -> mayManage(viewer, s))
                .orElseThrow(() -> WebException.notFound("no schedule " + id + " that you may manage"));
    }

    public List<Delivery> deliveries(long id, int limit) {
        return store.deliveries(id, limit);
    }

    public Schedule create(Viewer actor, java.util.function.Function<String, String> field, String address) {
        User owner = actor.user();
        requireOwner(owner);
        ScheduleDefinition definition = ScheduleInput.read(field, owner, reports, clock.instant());
        Instant now = clock.instant();
        long id = store.insert(owner.id(), definition, owner.name(), now, nextRun(definition, now));
        Schedule created = store.find(id).orElseThrow();
        audit.record(owner.name(), "schedule_created", "schedule:" + id, null, auditView(created), address);
        runner.wakeUp();
        return created;
    }

    public Schedule update(Viewer actor, long id, java.util.function.Function<String, String> field, String address) {
        Schedule before = find(actor.user(), id);
        User owner = users.findById(before.ownerUserId())
                .orElseThrow(() -> WebException.conflict("the owner of schedule " + id + " no longer exists"));
        ScheduleDefinition definition = ScheduleInput.read(field, owner, reports, clock.instant());
        Instant now = clock.instant();
        Instant nextRunAt = definition.timingDiffers(before.definition()) || before.nextRunAt() == null
                ? nextRun(definition, now) : before.nextRunAt();
        store.updateDefinition(id, definition, actor.user().name(), now, nextRunAt);
        Schedule after = store.find(id).orElseThrow();
        audit.record(actor.user().name(), "schedule_updated", "schedule:" + id, auditView(before), auditView(after), address);
        runner.wakeUp();
        return after;
    }

    public Schedule delete(Viewer actor, long id, String address) {
        Schedule before = find(actor.user(), id);
        store.delete(id);
        audit.record(actor.user().name(), "schedule_deleted", "schedule:" + id, auditView(before), null, address);
        runner.wakeUp();
        return before;
    }

    /** Queues an immediate send (handled by the scheduler thread, logged like every delivery). */
    public Schedule sendNow(Viewer actor, long id, String address) {
        Schedule schedule = find(actor.user(), id);
        store.requestSend(id, clock.instant());
        audit.record(actor.user().name(), "schedule_send_requested", "schedule:" + id, null,
                Map.of("recipients", schedule.definition().recipients()), address);
        runner.wakeUp();
        return store.find(id).orElseThrow();
    }

    static boolean mayManage(User viewer, Schedule schedule) {
        return viewer.can(Permission.MANAGE_SCHEDULES) && (viewer.id() == schedule.ownerUserId() || viewer.scope().allRegions());
    }

    private static void requireOwner(User owner) {
        if (!ScheduleInput.mayOwn(owner)) {
            throw WebException.forbidden("your roles do not allow this (manage_schedules)");
        }
    }

    private static Instant nextRun(ScheduleDefinition definition, Instant now) {
        return definition.enabled() ? definition.cronExpression().next(now, definition.timeZone()).orElse(null) : null;
    }

    /** What the audit log keeps of a schedule: its owner and definition. */
    static Map<String, Object> auditView(Schedule schedule) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("owner", schedule.ownerName());
        view.putAll(schedule.definition().fields(schedule.definition().parametersText()));
        return view;
    }

    /**
     * The pages ({@code /schedules}) and the API ({@code /api/v1/schedules}); {@code sentMailPage}: the server shows the
     * mails it sent at {@code /mail}, and the schedule pages link there for those who may read them.
     */
    public void register(io.javalin.Javalin app, com.fasterxml.jackson.databind.ObjectMapper json, boolean sentMailPage) {
        new SchedulePages(this, sentMailPage).register(app);
        new ScheduleApi(this, json).register(app);
    }

    @Override
    public void close() {
        runner.close();
    }
}

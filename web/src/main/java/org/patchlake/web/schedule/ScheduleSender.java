package org.patchlake.web.schedule;

import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.User;
import org.patchlake.web.report.ExportService;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportParametersParser;
import org.patchlake.web.report.ReportService;
import org.patchlake.web.report.SnapshotInfo;
import org.patchlake.web.users.UserStore;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One delivery attempt: checks the owner may still see what the schedule sends, renders the report from the
 * snapshot current now within the owner's scope, and mails it. Never throws for a failed attempt; the
 * {@link Result} says what happened and whether trying again can help.
 */
public final class ScheduleSender {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT);

    /** The outcome of one attempt, as logged. */
    public record Result(boolean sent, boolean retryable, String smtpResponse, String error, Long sizeBytes, SnapshotInfo snapshot) {
        static Result failed(boolean retryable, String error, Long sizeBytes, SnapshotInfo snapshot) {
            return new Result(false, retryable, null, error, sizeBytes, snapshot);
        }
    }

    private final UserStore users;
    private final ReportService reports;
    private final ExportService exports;
    private final SmtpMailer mailer;

    public ScheduleSender(UserStore users, ReportService reports, ExportService exports, SmtpMailer mailer) {
        this.users = requireNonNull(users, "users is null");
        this.reports = requireNonNull(reports, "reports is null");
        this.exports = requireNonNull(exports, "exports is null");
        this.mailer = requireNonNull(mailer, "mailer is null");
    }

    public Result send(Schedule schedule, Delivery.Trigger trigger, Instant dueAt, int missedRuns) {
        ScheduleDefinition definition = schedule.definition();
        Optional<User> found = users.findById(schedule.ownerUserId());
        if (found.isEmpty() || !ScheduleInput.mayOwn(found.get())) {
            return Result.failed(false, "the owner " + schedule.ownerName() + " is disabled or may no longer own schedules", null, null);
        }
        User owner = found.get();
        if (!owner.can(definition.report().permission())) {
            return Result.failed(false, "the owner " + owner.name() + " may no longer see the report " + definition.report().title(), null, null);
        }
        ReportParameters parameters;
        try {
            parameters = ScheduleParameters.check(definition.report(), definition.parameters(), owner.scope(), reports, dueAt);
        } catch (IllegalArgumentException e) {
            return Result.failed(false, "parameters no longer valid for the owner " + owner.name() + ": " + e.getMessage(), null, null);
        }
        if (!exports.formats().contains(definition.format())) {
            return Result.failed(false, definition.format() + " export is not available", null, null);
        }
        Scope scope = ReportParametersParser.effectiveScope(owner.scope(), parameters);
        SnapshotInfo snapshot;
        ExportService.Export export;
        try {
            snapshot = reports.snapshot().orElseThrow(ReportService.NoSnapshotException::new);
            export = exports.export(definition.report(), parameters, scope, definition.format());
            SnapshotInfo after = reports.snapshot().orElse(snapshot);
            if (!after.id().equals(snapshot.id())) {
                // ETL published while rendering: render again so the mail's snapshot time is the attachment's.
                snapshot = after;
                export = exports.export(definition.report(), parameters, scope, definition.format());
            }
        } catch (RuntimeException e) {
            return Result.failed(true, "rendering " + definition.report().id() + " failed: " + SmtpMailer.describe(e), null, null);
        }
        SmtpMailer.Mail mail = new SmtpMailer.Mail(definition.recipients(), definition.subject(),
                text(schedule, owner, scope, parameters, snapshot, export, trigger, dueAt, missedRuns), export.fileName(),
                definition.format().contentType(), export.content(), Long.toString(schedule.id()));
        long size = export.content().length;
        try {
            return new Result(true, false, mailer.send(mail), null, size, snapshot);
        } catch (SmtpMailer.MailFailure e) {
            return Result.failed(true, e.getMessage(), size, snapshot);
        }
    }

    static String text(Schedule schedule, User owner, Scope scope, ReportParameters parameters, SnapshotInfo snapshot,
                       ExportService.Export export, Delivery.Trigger trigger, Instant dueAt, int missedRuns) {
        ScheduleDefinition definition = schedule.definition();
        ZoneId zone = definition.timeZone();
        StringBuilder text = new StringBuilder();
        if (!definition.message().isBlank()) {
            text.append(definition.message()).append("\n\n");
        }
        text.append("Report: ").append(definition.report().title()).append(" (").append(definition.format().name()).append(", attached as ")
                .append(export.fileName()).append(", ").append(kilobytes(export.content().length)).append(")\n");
        String parameterText = parameters.queryString();
        text.append("Parameters: ").append(parameterText.isEmpty() ? "none" : parameterText.replace("&", ", ")).append('\n');
        text.append("Scope: ").append(scope.describe()).append(" (what ").append(owner.displayName()).append(", the schedule's owner, may see)\n");
        text.append("Data as of: ").append(TIME.format(snapshot.dataAsOf().atZone(zone))).append(" (snapshot ").append(snapshot.id())
                .append(", published ").append(TIME.format(snapshot.publishedAt().atZone(zone))).append(")\n");
        text.append("Schedule: #").append(schedule.id()).append(", '").append(definition.cron()).append("' in ").append(zone.getId());
        switch (trigger) {
            case MANUAL -> text.append(", sent on request (send now)");
            case RETRY -> text.append(", retry of the run due ").append(TIME.format(dueAt.atZone(zone)));
            case CATCH_UP -> text.append(", catch-up: ").append(missedRuns).append(missedRuns == 1 ? " run was" : " runs were")
                    .append(" missed while the server was not running (first due ").append(TIME.format(dueAt.atZone(zone)))
                    .append("); this one mail stands for ").append(missedRuns == 1 ? "it" : "all of them");
            default -> text.append(", run due ").append(TIME.format(dueAt.atZone(zone)));
        }
        return text.append("\n\n-- \nPatchlake patch-compliance reporting\n").toString();
    }

    private static String kilobytes(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}

package org.patchlake.web.schedule;

import org.patchlake.web.auth.Permission;
import org.patchlake.web.auth.User;
import org.patchlake.web.http.BadParameterException;
import org.patchlake.web.report.ExportService;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportService;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a schedule from a form or a JSON body (as named text fields) and checks every field; bad input is a
 * {@link BadParameterException} naming the field. The report and its parameters are checked against the
 * schedule owner: the owner must be allowed the report, and a region or site must lie inside the owner's scope.
 */
public final class ScheduleInput {
    public static final List<ExportService.Format> FORMATS = List.of(ExportService.Format.PDF, ExportService.Format.XLSX,
            ExportService.Format.CSV);
    static final int MAXIMUM_SUBJECT = 200;
    static final int MAXIMUM_MESSAGE = 4000;

    private ScheduleInput() {
    }

    public static ScheduleDefinition read(Function<String, String> field, User owner, ReportService reports, java.time.Instant now) {
        String reportId = required(field, "report");
        Report report = Report.fromId(reportId)
                .orElseThrow(() -> new BadParameterException("report", "no report '" + abbreviate(reportId) + "'"));
        if (!owner.can(report.permission())) {
            throw new BadParameterException("report", owner.name() + "'s roles do not allow the report " + report.title());
        }
        Map<String, String> parameters;
        try {
            parameters = ScheduleParameters.parse(field.apply("parameters"));
            ScheduleParameters.check(report, parameters, owner.scope(), reports, now);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("parameters", e.getMessage());
        }
        String formatName = optional(field, "format");
        ExportService.Format format = formatName == null ? ExportService.Format.PDF : FORMATS.stream()
                .filter(f -> f.extension().equals(formatName.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new BadParameterException("format", "format must be pdf, xlsx or csv, was '" + abbreviate(formatName) + "'"));
        List<String> recipients;
        try {
            recipients = Recipients.parse(field.apply("recipients"));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("recipients", e.getMessage());
        }
        String cron = required(field, "cron");
        try {
            cron = CronExpression.parse(cron).text();
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("cron", "cron '" + abbreviate(cron) + "': " + e.getMessage());
        }
        String zoneName = optional(field, "timeZone");
        ZoneId zone;
        try {
            zone = zoneName == null ? owner.timeZone() : ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw new BadParameterException("timeZone", "time zone '" + abbreviate(zoneName) + "' is not known (e.g. Europe/Berlin, UTC)");
        }
        String subject = optional(field, "subject");
        if (subject == null) {
            subject = report.title() + " (Patchlake)";
        }
        if (subject.length() > MAXIMUM_SUBJECT || subject.chars().anyMatch(c -> c < 0x20)) {
            throw new BadParameterException("subject", "subject must be one line of at most " + MAXIMUM_SUBJECT + " characters");
        }
        String message = field.apply("message");
        message = message == null ? "" : message.strip().replace("\r\n", "\n");
        if (message.length() > MAXIMUM_MESSAGE) {
            throw new BadParameterException("message", "message is longer than " + MAXIMUM_MESSAGE + " characters");
        }
        String enabled = optional(field, "enabled");
        return new ScheduleDefinition(report, parameters, format, recipients, cron, zone, subject, message,
                enabled == null || !enabled.equals("false"));
    }

    /** The owner must still be allowed to own schedules (checked on create, edit and every send). */
    static boolean mayOwn(User owner) {
        return !owner.disabled() && owner.can(Permission.MANAGE_SCHEDULES);
    }

    private static String required(Function<String, String> field, String name) {
        String value = optional(field, name);
        if (value == null) {
            throw new BadParameterException(name, name + " is required");
        }
        return value;
    }

    private static String optional(Function<String, String> field, String name) {
        String value = field.apply(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 4000) {
            throw new BadParameterException(name, name + " is longer than 4000 characters");
        }
        return value.trim();
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "...";
    }
}

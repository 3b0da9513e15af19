package org.patchlake.web.schedule;

import org.patchlake.web.report.ExportService;
import org.patchlake.web.report.Report;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What a schedule's owner edits: which report with which parameters, in which format, to whom, when (a cron
 * expression on the wall clock of {@code timeZone}), and the mail's subject and message. Values are checked by
 * {@link ScheduleInput} before one is built; this record only holds them.
 */
public record ScheduleDefinition(Report report, Map<String, String> parameters, ExportService.Format format, List<String> recipients,
                                 String cron, ZoneId timeZone, String subject, String message, boolean enabled) {
    public ScheduleDefinition {
        requireNonNull(report, "report is null");
        parameters = Map.copyOf(requireNonNull(parameters, "parameters is null"));
        requireNonNull(format, "format is null");
        recipients = List.copyOf(requireNonNull(recipients, "recipients is null"));
        requireNonNull(cron, "cron is null");
        requireNonNull(timeZone, "timeZone is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(message, "message is null");
    }

    public CronExpression cronExpression() {
        return CronExpression.parse(cron);
    }

    /** The parameters as a query string in a fixed order, as stored and shown. */
    public String parametersText() {
        return ScheduleParameters.text(parameters);
    }

    /** True when a change of this kind moves the next run (timing, or switching on). */
    boolean timingDiffers(ScheduleDefinition other) {
        return !cron.equals(other.cron) || !timeZone.equals(other.timeZone) || enabled != other.enabled;
    }

    /** The definition's fields by name, in form order, with the parameters shown as {@code parameters} (a map or text). */
    public Map<String, Object> fields(Object parametersShown) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("report", report.id());
        fields.put("parameters", parametersShown);
        fields.put("format", format.extension());
        fields.put("recipients", recipients);
        fields.put("cron", cron);
        fields.put("timeZone", timeZone.getId());
        fields.put("subject", subject);
        fields.put("message", message);
        fields.put("enabled", enabled);
        return fields;
    }
}

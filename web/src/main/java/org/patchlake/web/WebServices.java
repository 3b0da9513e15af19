package org.patchlake.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.patchlake.web.compliance.ComplianceAdministration;
import org.patchlake.web.enrollment.EnrollmentTokens;
import org.patchlake.web.users.UserAdministration;
import org.patchlake.web.auth.AuthService;
import org.patchlake.web.jobs.EtlRunner;
import org.patchlake.web.jobs.JobRunner;
import org.patchlake.web.mail.MailOutbox;
import org.patchlake.web.metrics.Metrics;
import org.patchlake.web.report.ExportService;
import org.patchlake.web.report.ReportService;
import org.patchlake.web.schedule.ScheduleService;
import org.patchlake.web.audit.AuditLog;
import org.patchlake.web.users.UserStore;

import java.time.Clock;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Everything the web app needs, built once by {@code ServeCommand} (or a test) and handed to {@link WebApp#create}.
 * {@code agentApi} mounts the ingest routes on the same server (the integration point with ingest); {@code mailOutbox}
 * is present when an SMTP server runs beside this one (the demo's) and its received mails can be shown.
 */
public record WebServices(Clock clock, ObjectMapper json, AuthService auth, UserStore users, UserAdministration userAdministration,
                          ComplianceAdministration compliance, EnrollmentTokens tokens, ReportService reports,
                          ExportService exports, JobRunner jobs, EtlRunner etl, Metrics metrics, AuditLog audit,
                          AgentApi agentApi, ScheduleService schedules, Optional<MailOutbox> mailOutbox) {
    /** Mounts the agent API (ingest) routes on the app; {@link #NONE} until ingest is wired in. */
    public interface AgentApi {
        AgentApi NONE = app -> { };

        void register(io.javalin.Javalin app);

        /** Called after the HTTP server stopped (ingest seals its landing files). */
        default void close() {
        }

        /**
         * Seals the landing files being written, so that an ETL run started now folds in every message
         * acknowledged so far (ETL never reads files still being written).
         */
        default void sealLanding() {
        }
    }

    public WebServices {
        requireNonNull(clock, "clock is null");
        requireNonNull(json, "json is null");
        requireNonNull(auth, "auth is null");
        requireNonNull(users, "users is null");
        requireNonNull(userAdministration, "userAdministration is null");
        requireNonNull(compliance, "compliance is null");
        requireNonNull(tokens, "tokens is null");
        requireNonNull(reports, "reports is null");
        requireNonNull(exports, "exports is null");
        requireNonNull(jobs, "jobs is null");
        requireNonNull(etl, "etl is null");
        requireNonNull(metrics, "metrics is null");
        requireNonNull(audit, "audit is null");
        requireNonNull(agentApi, "agentApi is null");
        requireNonNull(schedules, "schedules is null");
        requireNonNull(mailOutbox, "mailOutbox is null");
    }
}

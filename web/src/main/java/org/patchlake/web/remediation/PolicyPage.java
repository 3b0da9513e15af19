package org.patchlake.web.remediation;

import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.pages.Html;
import org.patchlake.web.pages.Layout;
import org.patchlake.web.report.Ratio;

import java.time.ZoneId;

import static org.patchlake.web.pages.Html.h;

/** A policy's page: progress figures, failures by return code, what it does, its actions, and every target. */
final class PolicyPage {
    private PolicyPage() {
    }

    static String render(Viewer viewer, RemediationPolicy policy, PolicyProgress progress, int rowLimit) {
        ZoneId zone = viewer.user().timeZone();
        RemediationDefinition d = policy.definition();
        StringBuilder html = new StringBuilder("<div class=\"figures\" id=\"progress\">");
        figure(html, "targeted", "Targeted", Html.number(progress.targeted()));
        figure(html, "succeeded", "Succeeded", Html.ratio(new Ratio(progress.succeeded(), progress.targeted())));
        figure(html, "pending-reboot", "Pending reboot", Html.number(progress.pendingReboot()));
        figure(html, "failed", "Failed", Html.number(progress.failed()));
        figure(html, "in-progress", "In progress", Html.number(progress.inProgress()));
        figure(html, "not-reported", "Not yet reported", Html.number(progress.notReported()));
        html.append("</div><p class=\"muted\">Computers in your scope; each counts once (failed if any update failed, pending reboot "
                + "when installed but not yet restarted). From the published warehouse: new results appear after the next ETL run.</p>");
        html.append("<p>Status <strong id=\"status\">").append(policy.status().key()).append("</strong> · revision ").append(policy.revision())
                .append(" · created by ").append(h(policy.createdBy())).append(", ").append(h(Html.time(policy.createdAt(), zone)))
                .append(" from ").append(h(d.source().describe())).append(d.source().report() == null ? "" : " (report " + h(d.source().report()) + ")")
                .append(policy.parentId() == null ? "" : " · retry of <a href=\"/remediation/policies/" + policy.parentId() + "\">"
                        + RemediationPolicy.WIRE_PREFIX + policy.parentId() + "</a>").append("</p>");
        html.append("<ul class=\"counts-list\"><li>Updates: ").append(h(String.join(", ", d.kbs()))).append("</li><li>Starts ")
                .append(h(Html.time(d.scheduleStart(), zone))).append("</li><li>Window: ")
                .append(d.maintenanceWindow() == null ? "any time" : h(d.maintenanceWindow().days() + " " + d.maintenanceWindow().start() + " for "
                        + d.maintenanceWindow().durationMinutes() + " min (" + d.maintenanceWindow().timeZone() + ")"))
                .append("</li><li>Deadline: ").append(d.deadline() == null ? "none" : h(Html.time(d.deadline(), zone))).append("</li><li>Reboot: ")
                .append(h(d.reboot().behaviour().name().toLowerCase().replace('_', ' '))).append(d.reboot().scheduledAt() == null ? ""
                        : " at " + h(d.reboot().scheduledAt())).append(", notice ").append(d.reboot().noticeMinutes()).append(" min</li><li>Attempts: ")
                .append(d.maxRetries()).append("</li><li>Ring: ").append(d.pilotPercent() == 0 ? "everyone at once" : d.pilotPercent()
                        + " % pilot, the rest after " + d.pilotPause().toHours() + " h").append("</li></ul>");
        for (RemediationDefinition.Replacement r : d.replacements()) {
            html.append("<p class=\"muted replacement\">").append(h(r.requiredKb())).append(" (").append(h(r.product()))
                    .append(") is superseded or covered by ").append(h(r.installKb())).append(": installing ").append(h(r.installKb()))
                    .append(" fixes it.</p>");
        }
        if (viewer.user().can(Permission.REMEDIATE)) {
            html.append("<p class=\"actions\" id=\"policy-actions\">");
            if (progress.failed() > 0) {
                html.append("<a href=\"/remediation/new?source=failed-delivery&amp;policyId=").append(h(policy.wireId()))
                        .append("&amp;report=policy\" id=\"retry-failed\">Retry failed</a> · ");
            }
            html.append("<a href=\"/remediation/actions/new?kind=rescan&amp;policyId=").append(h(policy.wireId())).append("\">Rescan targets</a> · ");
            html.append("<a href=\"/remediation/actions/new?kind=restart&amp;policyId=").append(h(policy.wireId()))
                    .append("\">Restart computers pending reboot</a> ");
            switch (policy.status()) {
                case ACTIVE -> html.append(button(viewer, policy, "pause", "Pause")).append(button(viewer, policy, "cancel", "Cancel policy"));
                case PAUSED -> html.append(button(viewer, policy, "resume", "Resume")).append(button(viewer, policy, "cancel", "Cancel policy"));
                case CANCELLED -> { }
            }
            html.append("</p>");
        }
        html.append("<h2>Failures by return code</h2>");
        if (progress.failuresByCode().isEmpty()) {
            html.append("<p class=\"muted\">No failed delivery.</p>");
        } else {
            html.append("<table class=\"report\" id=\"failures\"><thead><tr><th>Return code</th><th>Hex</th><th>Meaning</th>"
                    + "<th class=\"num\">Updates</th><th class=\"num\">Computers</th></tr></thead><tbody>");
            for (PolicyProgress.FailureCount f : progress.failuresByCode()) {
                html.append("<tr><td>").append(h(f.returnCode())).append("</td><td>").append(h(f.hex())).append("</td><td>").append(h(f.meaning()))
                        .append("</td><td class=\"num\">").append(f.updates()).append("</td><td class=\"num\">").append(f.computers()).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("<h2>Targets</h2><table class=\"report\" id=\"target-progress\"><thead><tr><th>Computer</th><th>Host name</th>"
                + "<th>Region</th><th>Site</th><th>Ring</th><th>Update</th><th>Status</th><th class=\"num\">Attempt</th><th>Return code</th>"
                + "<th>Last attempt</th></tr></thead><tbody>");
        for (PolicyProgress.Row row : progress.rows().subList(0, Math.min(rowLimit, progress.rows().size()))) {
            RemediationWarehouse.Attempt a = row.attempt();
            html.append("<tr><td><a href=\"/computers/").append(Html.url(row.target().computerId())).append("\">").append(h(row.target().computerId()))
                    .append("</a></td><td>").append(h(row.target().hostname())).append("</td><td>").append(h(row.target().region()))
                    .append("</td><td>").append(h(row.target().site())).append("</td><td>").append(row.target().ring() == 1 ? "pilot" : "main")
                    .append("</td><td>").append(h(row.update().kb())).append("</td><td class=\"status\">").append(h(row.status()))
                    .append("</td><td class=\"num\">").append(a == null ? "" : a.attempt()).append("</td><td>")
                    .append(a == null || a.returnCodeHex() == null ? "" : h(a.returnCodeHex() + " " + (a.meaning() == null ? "" : a.meaning())))
                    .append("</td><td>").append(a == null ? "" : h(Html.time(a.startedAt(), zone))).append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (progress.rows().size() > rowLimit) {
            html.append("<p class=\"muted rows\">Showing ").append(rowLimit).append(" of ").append(Html.number(progress.rows().size()))
                    .append(" computer x update pairs.</p>");
        }
        return html.toString();
    }

    private static void figure(StringBuilder html, String id, String label, String value) {
        html.append("<div class=\"figure\" id=\"figure-").append(id).append("\"><div class=\"label\">").append(h(label))
                .append("</div><div class=\"value\">").append(value).append("</div></div>");
    }

    private static String button(Viewer viewer, RemediationPolicy policy, String change, String label) {
        return "<form method=\"post\" class=\"inline\" action=\"/remediation/policies/" + policy.id() + "/" + change + "\">"
                + Layout.csrfField(viewer) + "<button type=\"submit\" id=\"" + change + "\">" + h(label) + "</button></form> ";
    }
}

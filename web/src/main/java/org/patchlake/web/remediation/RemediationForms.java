package org.patchlake.web.remediation;

import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.pages.Html;
import org.patchlake.web.pages.Layout;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.patchlake.web.pages.Html.h;

/** The HTML of the remediation confirmation form: frozen targets with their count, then the policy's settings. */
final class RemediationForms {
    static final int TARGETS_SHOWN = 200;

    private RemediationForms() {
    }

    static String confirmation(Viewer viewer, RemediationSource source, TargetResolver.Resolution resolution) {
        ZoneId zone = viewer.user().timeZone();
        int count = resolution.targets().size();
        StringBuilder html = new StringBuilder("<p class=\"warning\" id=\"target-count\">This policy will target <strong>")
                .append(Html.number(count)).append("</strong> computer").append(count == 1 ? "" : "s").append(" (")
                .append(Html.number(resolution.updateCount())).append(" computer x update pairs) of ").append(h(source.describe()))
                .append(resolution.snapshotId() == null ? "" : ", frozen from snapshot " + h(resolution.snapshotId()))
                .append(". Only computers in your scope (").append(h(viewer.user().scope().describe())).append(") are included.</p>");
        html.append("<form method=\"post\" action=\"/remediation\" class=\"admin\" id=\"remediate-form\">").append(Layout.csrfField(viewer))
                .append(hidden("idempotencyKey", UUID.randomUUID().toString())).append(hidden("expectedTargets", Integer.toString(count)))
                .append(hidden("source", source.kind().key())).append(hidden("bulletinId", source.bulletinId()))
                .append(hidden("computerId", source.computerId())).append(hidden("region", source.region()))
                .append(hidden("site", source.site())).append(hidden("policyId", source.policyId())).append(hidden("report", source.report()))
                .append(field("Name", "name", "Remediate " + source.describe(), "text"))
                .append(select("Schedule", "schedule", List.of("now", "at", "window"),
                        List.of("now", "at a time", "in a maintenance window"), "now"))
                .append(field("Start at (schedule 'at a time', your time zone " + zone.getId() + ")", "startAt", "", "datetime-local"))
                .append("<fieldset><legend>Maintenance window</legend>")
                .append(field("Days (e.g. SAT,SUN)", "windowDays", "SAT,SUN", "text"))
                .append(field("Starts (HH:mm)", "windowStart", "22:00", "time"))
                .append(field("Length (minutes)", "windowMinutes", "240", "number"))
                .append(field("Time zone", "windowZone", zone.getId(), "text")).append("</fieldset>")
                .append(field("Deadline: install even outside the window after (optional)", "deadline", "", "datetime-local"))
                .append(select("Reboot", "reboot", RemediationRequests.REBOOTS, List.of("never (stays pending reboot)",
                        "at the end of the cycle", "at a scheduled time"), "end-of-cycle"))
                .append(field("Scheduled reboot time (HH:mm)", "rebootAt", "", "time"))
                .append(field("Notice before a restart (minutes)", "noticeMinutes", "15", "number"))
                .append(field("Attempts per update (retries)", "maxRetries", "3", "number"))
                .append("<fieldset><legend>Rollout ring</legend>")
                .append(field("Pilot share (% of targets first; 0 = everyone at once)", "pilotPercent", "0", "number"))
                .append(field("Then the rest after (hours)", "pilotPauseHours", "24", "number")).append("</fieldset>")
                .append("<button type=\"submit\" id=\"confirm\">Confirm: create the policy for ").append(Html.number(count))
                .append(" computer").append(count == 1 ? "" : "s").append("</button></form>");
        html.append(targets(resolution.targets(), resolution));
        return html.toString();
    }

    static String targets(List<RemediationTarget> targets) {
        return targets(targets, null);
    }

    /** With {@code resolution}: after each update to install, the required updates of the row it fixes. */
    static String targets(List<RemediationTarget> targets, TargetResolver.Resolution resolution) {
        StringBuilder html = new StringBuilder("<h2>Targets</h2><table class=\"report\" id=\"targets\"><thead><tr><th>Computer</th>"
                + "<th>Host name</th><th>Region</th><th>Site</th><th>Updates to install</th></tr></thead><tbody>");
        for (RemediationTarget target : targets.subList(0, Math.min(TARGETS_SHOWN, targets.size()))) {
            html.append("<tr><td><a href=\"/computers/").append(Html.url(target.computerId())).append("\">").append(h(target.computerId()))
                    .append("</a></td><td>").append(h(target.hostname())).append("</td><td>").append(h(target.region())).append("</td><td>")
                    .append(h(target.site())).append("</td><td>");
            for (RemediationTarget.Update update : target.updates()) {
                List<String> fixed = resolution == null ? List.of() : resolution.fixedBy(target.computerId(), update.kb());
                List<String> others = fixed.stream().filter(kb -> !kb.equals(update.kb())).toList();
                html.append("<span class=\"install-kb\">").append(h(update.kb())).append("</span>");
                if (!others.isEmpty()) {
                    html.append(" <span class=\"muted fixes\">(fixes ").append(h(String.join(", ", fixed))).append(")</span>");
                } else if (update.replaced()) {
                    html.append(" <span class=\"muted\">(replaces superseded ").append(h(update.requiredKb())).append(")</span>");
                }
                html.append(" <span class=\"muted\">").append(h(update.product())).append("</span><br>");
            }
            html.append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (targets.size() > TARGETS_SHOWN) {
            html.append("<p class=\"muted rows\">Showing ").append(TARGETS_SHOWN).append(" of ").append(Html.number(targets.size()))
                    .append(" targets.</p>");
        }
        return html.toString();
    }

    static String hidden(String name, String value) {
        return value == null ? "" : "<input type=\"hidden\" name=\"" + name + "\" value=\"" + h(value) + "\">";
    }

    static String field(String label, String name, String value, String type) {
        return "<label>" + h(label) + " <input name=\"" + name + "\" type=\"" + type + "\" value=\"" + h(value) + "\"></label>";
    }

    static String select(String label, String name, List<String> values, List<String> labels, String selected) {
        StringBuilder html = new StringBuilder("<label>").append(h(label)).append(" <select name=\"").append(name).append("\">");
        for (int i = 0; i < values.size(); i++) {
            html.append("<option value=\"").append(h(values.get(i))).append('"').append(values.get(i).equals(selected) ? " selected" : "")
                    .append('>').append(h(labels.get(i))).append("</option>");
        }
        return html.append("</select></label>").toString();
    }
}

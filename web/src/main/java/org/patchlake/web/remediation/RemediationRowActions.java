package org.patchlake.web.remediation;

import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.layout.Formats;
import org.patchlake.web.report.ReportColumn;
import org.patchlake.web.report.ReportParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The remediation links of a report row, for viewers who may remediate: on a bulletin row "Remediate" (bulletin,
 * or bulletin x region / site when the report is narrowed or the row has a region), on a computer row "Remediate",
 * "Rescan" and "Restart", on a policy row "Progress" and "Retry failed", on a computer's failed delivery "Retry".
 * Rows are recognised by their column keys, so every report with those columns gets the links.
 */
public final class RemediationRowActions {
    private RemediationRowActions() {
    }

    /** One action link: where it goes, what it says, and its kind (a CSS class: remediate, rescan, restart, progress, retry). */
    public record Link(String href, String label, String kind) {
    }

    /**
     * The links of the row's action cell (none when the viewer may not remediate or the row offers nothing); {@code report} names the report for the audit log; on a
     * computer's or a bulletin's own page, {@code pageComputerId} / {@code pageBulletinId} name it (else null).
     */
    public static List<Link> links(Viewer viewer, String report, List<ReportColumn> columns, List<Object> row, ReportParameters parameters,
                               String pageComputerId, String pageBulletinId) {
        if (!viewer.user().can(Permission.REMEDIATE) || has(columns, "valid_from")) {
            return List.of();
        }
        String state = value(columns, row, "state");
        if (state != null && !state.equals("REQUIRED") && !state.equals("FAILED")) {
            return List.of();
        }
        String bulletin = value(columns, row, "bulletin_id") != null ? value(columns, row, "bulletin_id") : pageBulletinId;
        String computer = value(columns, row, "computer_id") != null ? value(columns, row, "computer_id") : pageComputerId;
        String policy = value(columns, row, "policy_id");
        String outcome = value(columns, row, "outcome");
        String rowRegion = value(columns, row, "region");
        String region = parameters == null ? null : parameters.region();
        String site = parameters == null ? null : parameters.site();
        if (region == null && site == null && rowRegion != null && !rowRegion.equals("all")) {
            region = rowRegion;
        }
        String reportQuery = report == null ? "" : "&report=" + Formats.url(report);
        List<Link> links = new ArrayList<>();
        if (policy != null && !policy.startsWith(RemediationPolicy.WIRE_PREFIX)) {
            return List.of();
        }
        if (policy != null) {
            if (computer != null && "failed".equals(outcome)) {
                links.add(link("/remediation/new?source=failed-delivery&policyId=" + Formats.url(policy) + "&computerId=" + Formats.url(computer)
                        + reportQuery, "Retry", "retry"));
            } else if (computer == null) {
                links.add(link("/remediation/policies/" + Formats.url(policy), "Progress", "progress"));
                links.add(link("/remediation/new?source=failed-delivery&policyId=" + Formats.url(policy) + reportQuery, "Retry failed", "retry"));
            }
        } else if (computer != null) {
            links.add(link("/remediation/new?source=computer&computerId=" + Formats.url(computer)
                    + (bulletin == null ? "" : "&bulletinId=" + Formats.url(bulletin)) + reportQuery, "Remediate", "remediate"));
            links.add(link("/remediation/actions/new?kind=rescan&computerId=" + Formats.url(computer) + reportQuery, "Rescan", "rescan"));
            links.add(link("/remediation/actions/new?kind=restart&computerId=" + Formats.url(computer) + reportQuery, "Restart", "restart"));
        } else if (bulletin != null) {
            String place = site != null ? "&site=" + Formats.url(site) : region != null ? "&region=" + Formats.url(region) : "";
            links.add(link("/remediation/new?source=bulletin&bulletinId=" + Formats.url(bulletin) + place + reportQuery, "Remediate", "remediate"));
        }
        return links;
    }

    /** "Remediate this bulletin" at the top of a bulletin page (narrowed like the page), empty when not allowed. */
    public static Optional<Link> bulletinLink(Viewer viewer, String bulletinId, ReportParameters parameters) {
        if (!viewer.user().can(Permission.REMEDIATE)) {
            return Optional.empty();
        }
        String place = parameters.site() != null ? "&site=" + Formats.url(parameters.site())
                : parameters.region() != null ? "&region=" + Formats.url(parameters.region()) : "";
        String where = parameters.site() != null ? " at site " + parameters.site() : parameters.region() != null ? " in region "
                + parameters.region() : "";
        return Optional.of(link("/remediation/new?source=bulletin&bulletinId=" + Formats.url(bulletinId) + place + "&report=bulletin",
                "Remediate " + bulletinId + where, "remediate"));
    }

    private static boolean has(List<ReportColumn> columns, String key) {
        return columns.stream().anyMatch(c -> c.key().equals(key));
    }

    private static Link link(String href, String label, String kind) {
        return new Link(href, label, kind);
    }

    private static String value(List<ReportColumn> columns, List<Object> row, String key) {
        for (int i = 0; i < columns.size() && i < row.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                Object value = row.get(i);
                return value == null ? null : value.toString();
            }
        }
        return null;
    }
}

package org.patchlake.web.support;

import org.patchlake.web.auth.Scope;
import org.patchlake.web.report.Counts;
import org.patchlake.web.report.Dashboard;
import org.patchlake.web.report.Ratio;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportColumn;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportResult;
import org.patchlake.web.report.ReportService;
import org.patchlake.web.report.ReportTable;
import org.patchlake.web.report.SnapshotInfo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A hand-written report service over a tiny fixed fleet, for tests of the web layer before (and beside) the
 * warehouse: two regions (EU: Berlin, Paris; NA: Boston, Denver), three bulletins. It filters by scope exactly
 * as the contract asks, so scoping tests can fail.
 */
public final class InMemoryReportService implements ReportService {
    public record Computer(String id, String hostname, String region, String site) {
    }

    public record Bulletin(String id, String title, String severity, boolean exploited) {
    }

    public static final List<Computer> COMPUTERS = List.of(
            new Computer("c-eu-1", "ber-ws-001", "EU", "Berlin"), new Computer("c-eu-2", "ber-ws-002", "EU", "Berlin"),
            new Computer("c-eu-3", "par-sv-001", "EU", "Paris"), new Computer("c-na-1", "bos-ws-001", "NA", "Boston"),
            new Computer("c-na-2", "den-nb-001", "NA", "Denver"));
    public static final List<Bulletin> BULLETINS = List.of(
            new Bulletin("KB5034441", "Windows Recovery Environment update", "Critical", true),
            new Bulletin("KB5001330", "Cumulative update", "Important", false),
            new Bulletin("MS08-067", "Server service vulnerability", "Critical", true));
    /** State per computer x bulletin (absent = not applicable). */
    private static final Map<String, String> STATES = Map.ofEntries(
            Map.entry("c-eu-1|KB5034441", "INSTALLED"), Map.entry("c-eu-2|KB5034441", "REQUIRED"),
            Map.entry("c-eu-3|KB5034441", "INSTALLED_PENDING_REBOOT"), Map.entry("c-na-1|KB5034441", "FAILED"),
            Map.entry("c-na-2|KB5034441", "INSTALLED"), Map.entry("c-eu-1|KB5001330", "INSTALLED"),
            Map.entry("c-na-1|KB5001330", "UNKNOWN"), Map.entry("c-eu-3|MS08-067", "EXEMPT"),
            Map.entry("c-na-2|MS08-067", "REQUIRED"));

    private final SnapshotInfo snapshot = new SnapshotInfo("s-20261121100000000", Instant.parse("2026-11-21T10:05:00Z"),
            Instant.parse("2026-11-21T10:00:00Z"));

    @Override
    public Optional<SnapshotInfo> snapshot() {
        return Optional.of(snapshot);
    }

    private static List<Computer> visible(Scope scope) {
        return COMPUTERS.stream().filter(c -> scope.permits(c.region(), c.site())).toList();
    }

    private static Counts counts(List<Computer> computers, String bulletin) {
        long[] n = new long[6];
        for (Computer computer : computers) {
            for (Bulletin b : BULLETINS) {
                if (bulletin != null && !b.id().equals(bulletin)) {
                    continue;
                }
                String state = STATES.get(computer.id() + "|" + b.id());
                if (state != null) {
                    n[List.of("INSTALLED", "INSTALLED_PENDING_REBOOT", "REQUIRED", "FAILED", "EXEMPT", "UNKNOWN").indexOf(state)]++;
                }
            }
        }
        return Counts.of(n[0], n[1], n[2], n[3], n[4], n[5]);
    }

    @Override
    public Optional<Dashboard> dashboard(Scope scope) {
        List<Computer> computers = visible(scope);
        List<Dashboard.RegionCounts> regions = new ArrayList<>();
        for (String region : regions(scope)) {
            regions.add(new Dashboard.RegionCounts(region, counts(computers.stream().filter(c -> c.region().equals(region)).toList(), null)));
        }
        Counts all = counts(computers, null);
        return Optional.of(new Dashboard(snapshot, all, regions, new Dashboard.SlaSummary(3, 1, 2, 1, "bulletins released 2026-03-18 to 2026-06-15 · policies: Critical"),
                new Dashboard.DeliverySummary(40, 5, 3, 2), List.of(new Dashboard.SeverityRequired("Critical", all.required(), 1),
                new Dashboard.SeverityRequired("Important", 0, 0)), new Dashboard.AgentHealth(computers.size(), computers.size() - 1, 1, 0),
                List.of(new Dashboard.TrendPoint(LocalDate.parse("2026-11-19"), Counts.of(1, 0, 3, 0, 0, 0)),
                        new Dashboard.TrendPoint(LocalDate.parse("2026-11-20"), Counts.of(2, 1, 1, 0, 0, 0)),
                        new Dashboard.TrendPoint(LocalDate.parse("2026-11-21"), all)),
                List.of(new Dashboard.BulletinRisk("KB5034441", "Windows Recovery Environment update", "Critical", true,
                        counts(computers, "KB5034441").vulnerable()))));
    }

    @Override
    public ReportResult run(Report report, ReportParameters parameters, Scope scope) {
        List<Computer> computers = visible(scope);
        if (report == Report.COMPLIANCE_BY_BULLETIN || report == Report.EXECUTIVE_SUMMARY) {
            List<List<Object>> rows = new ArrayList<>();
            for (Bulletin bulletin : BULLETINS) {
                if (parameters.severity() != null && !parameters.severity().equals(bulletin.severity())) {
                    continue;
                }
                Counts c = counts(computers, bulletin.id());
                rows.add(List.of(bulletin.id(), bulletin.title(), bulletin.severity(), c.applicable(), c.installed(), c.vulnerable(),
                        c.compliance()));
            }
            ReportTable table = new ReportTable("Bulletins", List.of(ReportColumn.linked("bulletin_id", "Bulletin", ReportColumn.Link.BULLETIN),
                    ReportColumn.text("title", "Title"), ReportColumn.text("severity", "Severity"), ReportColumn.number("applicable", "Applicable"),
                    ReportColumn.number("installed", "Installed"), ReportColumn.number("vulnerable", "Vulnerable"),
                    ReportColumn.ratio("compliance", "Compliance")), rows)
                    .withChart(new ReportTable.Chart(ReportTable.Chart.Kind.BAR, "bulletin_id", List.of("compliance")));
            Counts all = counts(computers, null);
            return new ReportResult(report.title(), snapshot, List.of(new ReportResult.Figure("Compliance", all.compliance()),
                    new ReportResult.Figure("Applicable", all.applicable())), List.of(table));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Computer computer : computers) {
            Counts c = counts(List.of(computer), null);
            rows.add(List.of(computer.id(), computer.hostname(), computer.region(), computer.site(), c.compliance()));
        }
        return new ReportResult(report.title(), snapshot, List.of(), List.of(new ReportTable("Computers", List.of(
                ReportColumn.linked("computer_id", "Computer", ReportColumn.Link.COMPUTER), ReportColumn.text("hostname", "Host name"),
                ReportColumn.linked("region", "Region", ReportColumn.Link.REGION), ReportColumn.linked("site", "Site", ReportColumn.Link.SITE),
                ReportColumn.ratio("compliance", "Compliance")), rows)));
    }

    @Override
    public Optional<ReportResult> computer(String computerId, ReportParameters parameters, Scope scope) {
        return visible(scope).stream().filter(c -> c.id().equals(computerId)).findFirst().map(computer -> {
            List<List<Object>> rows = new ArrayList<>();
            for (Bulletin bulletin : BULLETINS) {
                String state = STATES.get(computer.id() + "|" + bulletin.id());
                if (state != null) {
                    rows.add(List.of(bulletin.id(), bulletin.severity(), state));
                }
            }
            return new ReportResult("Computer " + computer.hostname(), snapshot, List.of(new ReportResult.Figure("Region", computer.region()),
                    new ReportResult.Figure("Site", computer.site()), new ReportResult.Figure("Compliance", counts(List.of(computer), null).compliance())),
                    List.of(new ReportTable("Applicable bulletins", List.of(ReportColumn.linked("bulletin_id", "Bulletin", ReportColumn.Link.BULLETIN),
                            ReportColumn.text("severity", "Severity"), ReportColumn.text("state", "State")), rows)));
        });
    }

    /** Windows Update lists KB5034441 on every visible computer: agreement where Patchlake requires it, a difference elsewhere. */
    @Override
    public Optional<ReportResult> detectionAgreement(String computerId, ReportParameters parameters, Scope scope) {
        return visible(scope).stream().filter(c -> c.id().equals(computerId)).findFirst().map(computer -> {
            String state = STATES.getOrDefault(computer.id() + "|KB5034441", "NOT_APPLICABLE");
            boolean agree = state.equals("REQUIRED") || state.equals("FAILED");
            List<List<Object>> rows = new ArrayList<>();
            rows.add(List.of("KB5034441", "missing", state.toLowerCase(), agree ? "both missing" : "missing per Windows Update only"));
            return new ReportResult("Detection agreement: " + computer.hostname(), snapshot, List.of(
                    new ReportResult.Figure("Differences", agree ? 0 : 1)), List.of(new ReportTable("KBs", List.of(
                    ReportColumn.text("kb", "KB"), ReportColumn.text("windows_update", "Windows Update"),
                    ReportColumn.text("patchlake", "Patchlake"), ReportColumn.text("agreement", "Difference")), rows)));
        });
    }

    @Override
    public Optional<ReportResult> bulletin(String bulletinId, ReportParameters parameters, Scope scope) {
        return BULLETINS.stream().filter(b -> b.id().equals(bulletinId)).findFirst().map(bulletin -> {
            List<Computer> computers = visible(scope);
            List<List<Object>> rows = new ArrayList<>();
            for (Computer computer : computers) {
                String state = STATES.get(computer.id() + "|" + bulletin.id());
                if (state != null && matches(parameters.state(), state)) {
                    rows.add(List.of(computer.id(), computer.hostname(), computer.region(), computer.site(), state));
                }
            }
            Counts c = counts(computers, bulletin.id());
            return new ReportResult("Bulletin " + bulletin.id() + ": " + bulletin.title(), snapshot, List.of(
                    new ReportResult.Figure("Compliance", c.compliance()), new ReportResult.Figure("Strict compliance", c.strict()),
                    new ReportResult.Figure("Applicable", c.applicable()), new ReportResult.Figure("Vulnerable", c.vulnerable())),
                    List.of(new ReportTable("Computers", List.of(ReportColumn.linked("computer_id", "Computer", ReportColumn.Link.COMPUTER),
                            ReportColumn.text("hostname", "Host name"), ReportColumn.text("region", "Region"), ReportColumn.text("site", "Site"),
                            ReportColumn.text("state", "State")), rows)));
        });
    }

    private static boolean matches(String filter, String state) {
        if (filter == null || filter.equals("applicable")) {
            return true;
        }
        return switch (filter) {
            case "installed" -> state.equals("INSTALLED");
            case "vulnerable" -> List.of("INSTALLED_PENDING_REBOOT", "REQUIRED", "FAILED").contains(state);
            default -> state.equalsIgnoreCase(filter);
        };
    }

    @Override
    public List<String> regions(Scope scope) {
        return List.copyOf(new TreeSet<>(visible(scope).stream().map(Computer::region).toList()));
    }

    @Override
    public List<String> sites(Scope scope) {
        return List.copyOf(new TreeSet<>(visible(scope).stream().map(Computer::site).toList()));
    }

    /** For ratio assertions in tests. */
    public static Ratio complianceOf(Scope scope, String bulletin) {
        return counts(visible(scope), bulletin).compliance();
    }
}

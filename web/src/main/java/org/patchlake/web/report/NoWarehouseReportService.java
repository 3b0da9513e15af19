package org.patchlake.web.report;

import org.patchlake.web.auth.Scope;

import java.util.List;
import java.util.Optional;

/** The report service before any warehouse snapshot can be read: says so on every page instead of failing. */
public final class NoWarehouseReportService implements ReportService {
    @Override
    public Optional<SnapshotInfo> snapshot() {
        return Optional.empty();
    }

    @Override
    public Optional<Dashboard> dashboard(Scope scope) {
        return Optional.empty();
    }

    @Override
    public ReportResult run(Report report, ReportParameters parameters, Scope scope) {
        throw new NoSnapshotException();
    }

    @Override
    public Optional<ReportResult> computer(String computerId, ReportParameters parameters, Scope scope) {
        throw new NoSnapshotException();
    }

    @Override
    public Optional<ReportResult> detectionAgreement(String computerId, ReportParameters parameters, Scope scope) {
        throw new NoSnapshotException();
    }

    @Override
    public Optional<ReportResult> bulletin(String bulletinId, ReportParameters parameters, Scope scope) {
        throw new NoSnapshotException();
    }

    @Override
    public List<String> regions(Scope scope) {
        return List.of();
    }

    @Override
    public List<String> sites(Scope scope) {
        return List.of();
    }
}

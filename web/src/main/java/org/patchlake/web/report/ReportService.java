package org.patchlake.web.report;

import org.patchlake.web.auth.Scope;

import java.util.List;
import java.util.Optional;

/**
 * What the web layer needs from the report queries. Every call takes the viewer's scope and must filter by it;
 * a computer or bulletin outside the scope is "not found". Implemented over the reports module's query layer;
 * web never writes SQL against the warehouse.
 */
public interface ReportService {
    /** The current published snapshot, empty when none has been published yet. */
    Optional<SnapshotInfo> snapshot();

    /** Empty when there is no snapshot yet. */
    Optional<Dashboard> dashboard(Scope scope);

    /** Runs a report. Throws {@link NoSnapshotException} when there is no snapshot yet. */
    ReportResult run(Report report, ReportParameters parameters, Scope scope);

    /** One computer (report 2 drill-down): facts, required updates, install history. Empty when outside the scope. */
    Optional<ReportResult> computer(String computerId, ReportParameters parameters, Scope scope);

    /**
     * The ids of the computers in scope with this host name (case-insensitive), by id: forms that need a computer accept
     * its host name. Empty without a snapshot.
     */
    default java.util.List<String> computersNamed(String hostname, Scope scope) {
        return java.util.List.of();
    }

    /** One bulletin (report 1 drill-down): facts, counts, computers by state. Empty when unknown. */
    Optional<ReportResult> bulletin(String bulletinId, ReportParameters parameters, Scope scope);

    /**
     * One computer's Windows Update and Patchlake verdicts side by side (report 13 drill-down). Empty when the computer
     * is unknown or outside the scope.
     */
    Optional<ReportResult> detectionAgreement(String computerId, ReportParameters parameters, Scope scope);

    /** Regions visible in the scope, for parameter forms. */
    List<String> regions(Scope scope);

    /** Sites visible in the scope, for parameter forms. */
    List<String> sites(Scope scope);

    /** The service that answers (this one, or what a cache in front of it delegates to). */
    default ReportService underlying() {
        return this;
    }

    /** Thrown when a report is asked for before the first snapshot is published. */
    final class NoSnapshotException extends RuntimeException {
        public NoSnapshotException() {
            super("no warehouse snapshot has been published yet: run ETL (./patchlake etl) first");
        }
    }
}

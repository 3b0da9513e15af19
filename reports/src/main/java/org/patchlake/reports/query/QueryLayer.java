package org.patchlake.reports.query;

import java.util.Objects;
import org.patchlake.reports.sla.BusinessCalendar;
import org.patchlake.reports.sla.SlaEvaluator;
import org.patchlake.reports.sla.SlaQueries;

/**
 * Every report query over one {@link Warehouse}: what reports (Jasper fill) and web (API, pages) call.
 * Thread-safe: each query leases its own connection to the current snapshot.
 */
public final class QueryLayer implements AutoCloseable {
    private final Warehouse warehouse;
    private final QueryRunner runner;
    private final ComplianceQueries compliance;
    private final ComputerQueries computers;
    private final DeliveryQueries deliveries;
    private final FleetQueries fleet;
    private final CatalogQueries catalog;
    private final SlaQueries sla;
    private final DetectionQueries detection;

    public QueryLayer(Warehouse warehouse, BusinessCalendar calendar) {
        this(warehouse, calendar, (sql, values, nanos) -> { });
    }

    public QueryLayer(Warehouse warehouse, BusinessCalendar calendar, QueryRunner.StatementObserver observer) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse is null");
        this.runner = new QueryRunner(warehouse, observer);
        this.compliance = new ComplianceQueries(runner);
        this.computers = new ComputerQueries(runner);
        this.deliveries = new DeliveryQueries(runner);
        this.fleet = new FleetQueries(runner);
        this.catalog = new CatalogQueries(runner);
        this.detection = new DetectionQueries(runner);
        this.sla = new SlaQueries(runner, calendar, new SlaEvaluator(SlaEvaluator.DEFAULT_WINDOW));
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    public QueryRunner runner() {
        return runner;
    }

    public ComplianceQueries compliance() {
        return compliance;
    }

    public ComputerQueries computers() {
        return computers;
    }

    public DeliveryQueries deliveries() {
        return deliveries;
    }

    public FleetQueries fleet() {
        return fleet;
    }

    public CatalogQueries catalog() {
        return catalog;
    }

    public SlaQueries sla() {
        return sla;
    }

    /** Report 13: where Windows Update's own verdict and Patchlake's differ. */
    public DetectionQueries detection() {
        return detection;
    }

    @Override
    public void close() {
        warehouse.close();
    }
}

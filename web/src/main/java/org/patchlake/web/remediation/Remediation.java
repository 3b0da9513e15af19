package org.patchlake.web.remediation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.patchlake.ingest.policy.PolicySource;
import org.patchlake.web.events.EventLanding;
import org.patchlake.web.audit.AuditLog;
import org.patchlake.web.database.OpsDatabase;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The remediation part of the web server, assembled once: its store, service, pages, API, the package download
 * route, and the {@link PolicySource} that ingest asks at every agent check-in.
 */
public final class Remediation {
    private final RemediationService service;
    private final RemediationPackages packages;
    private final ObjectMapper json;

    private Remediation(RemediationService service, RemediationPackages packages, ObjectMapper json) {
        this.service = service;
        this.packages = packages;
        this.json = json;
    }

    /** @param packageDirectory where administrators put vendor packages ({@code DATA/packages}) */
    public static Remediation create(OpsDatabase database, RemediationWarehouse warehouse, AuditLog audit, EventLanding events, Clock clock,
                                     ObjectMapper json, Path packageDirectory) {
        RemediationStore store = new RemediationStore(database, json);
        return new Remediation(new RemediationService(store, requireNonNull(warehouse, "warehouse is null"), audit, events, clock),
                new RemediationPackages(packageDirectory), json);
    }

    public void register(Javalin app) {
        new RemediationPages(service).register(app);
        new RemediationAuditPages(service.store()).register(app);
        new RemediationApi(service, json).register(app);
        app.get(RemediationPackages.PATH + "{file}", packages::serve);
    }

    /** What agents receive at check-in; {@code baseUrl} is how they reach this server (for package downloads). */
    public PolicySource policySource(Supplier<String> baseUrl) {
        return new RemediationPolicySource(service.store(), packages, baseUrl);
    }

    public RemediationService service() {
        return service;
    }
}

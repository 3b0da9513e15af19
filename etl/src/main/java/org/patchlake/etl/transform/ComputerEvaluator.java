package org.patchlake.etl.transform;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.patchlake.etl.transform.CatalogIndex.CatalogUpdate;

/**
 * Evaluates one computer ({@link ComputerSchemas#INPUT}) against the catalog into its new computer_latest row plus
 * the history rows this run closes ({@link ComputerSchemas#OUTPUT}). New scans are applied in scan-time order,
 * each one a point in history; scans older than the last one already applied are late and change no state.
 * A final evaluation at the run's clock folds in staleness, exceptions, failed deliveries and catalog changes.
 */
public final class ComputerEvaluator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final CatalogIndex catalog;
  private final Instant asOf;
  private final Duration staleness;
  private final int allowedRetries;

  public ComputerEvaluator(CatalogIndex catalog, Instant asOf, Duration staleness, int allowedRetries) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.asOf = requireNonNull(asOf, "asOf is null");
    this.staleness = requireNonNull(staleness, "staleness is null");
    this.allowedRetries = allowedRetries;
  }

  private record Failure(int attempts, boolean finalFailure, Instant lastFailedAt) {}

  public Row evaluate(Row input) {
    String computerId = input.getAs("computer_id");
    Row previous = Rows.struct(input, "previous");
    ComputerFacts facts = ComputerFacts.from(previous);
    Row enrollment = Rows.struct(input, "enrollment");
    if (enrollment != null) facts.applyEnrollment(enrollment);

    Map<String, Row> states = new LinkedHashMap<>();
    if (previous != null) {
      for (Row state : Rows.<Row>list(previous, "states")) states.put(state.getAs("update_id"), state);
    }
    Map<String, Failure> failures = new HashMap<>();
    for (Row failure : Rows.<Row>list(input, "failures")) {
      failures.put(failure.getAs("kb"), new Failure(failure.<Integer>getAs("failed_attempts"),
          failure.<Boolean>getAs("final_failure"), failure.getAs("last_failed_at")));
    }
    Set<String> exempt = new HashSet<>(Rows.list(input, "exempt_bulletins"));
    List<Row> transitions = new ArrayList<>();

    List<Row> scans = Rows.list(input, "scans");
    scans.sort(Comparator.comparing((Row scan) -> scan.<Instant>getAs("scanned_at"))
        .thenComparing(scan -> scan.<Instant>getAs("received_at"), Comparator.nullsFirst(Comparator.naturalOrder())));
    for (Row scan : scans) {
      Instant scannedAt = scan.getAs("scanned_at");
      if (facts.lastInventoryAt != null && !scannedAt.isAfter(facts.lastInventoryAt)) continue;
      facts.applyScan(scan);
      states = step(facts, states, failures, exempt, true, scannedAt, transitions);
    }
    boolean reporting = facts.lastInventoryAt != null && facts.lastInventoryAt.plus(staleness).isAfter(asOf);
    Instant finalTime = !reporting && facts.lastInventoryAt != null ? facts.lastInventoryAt.plus(staleness) : asOf;
    states = step(facts, states, failures, exempt, reporting, finalTime, transitions);
    return output(computerId, facts, states, transitions);
  }

  /** One evaluation at {@code time}: new states for every applicable update, history rows for every change. */
  private Map<String, Row> step(ComputerFacts facts, Map<String, Row> previous, Map<String, Failure> failures,
      Set<String> exempt, boolean reporting, Instant time, List<Row> transitions) {
    Map<String, Row> next = new TreeMap<>();
    for (String product : facts.allProducts()) {
      for (CatalogUpdate update : catalog.updatesFor(product)) {
        String viaKb = installedThrough(facts, update);
        Row installedKb = viaKb == null ? null : facts.installedByKb.get(viaKb);
        Failure failure = failures.getOrDefault(update.kb(), new Failure(0, false, null));
        String state = StateRules.updateState(new StateRules.UpdateFacts(exempt.contains(update.bulletinId()),
            reporting, viaKb != null, installedKb != null && facts.waitsForRestart(installedKb),
            failure.attempts(), failure.finalFailure(), allowedRetries));
        Instant installedAt = installedKb == null ? null : installedKb.getAs("installed_at");
        Row before = previous.get(update.updateId());
        next.put(update.updateId(), transition(update, before, state, time, installedAt,
            viaKb == null || viaKb.equals(update.kb()) ? null : viaKb, failure.attempts(), transitions));
      }
    }
    for (Map.Entry<String, Row> gone : previous.entrySet()) {
      if (!next.containsKey(gone.getKey())) transitions.add(closed(gone.getValue(), at(time, gone.getValue())));
    }
    return next;
  }

  private static String installedThrough(ComputerFacts facts, CatalogUpdate update) {
    if (facts.installedByKb.containsKey(update.kb())) return update.kb();
    for (String superseding : update.supersededBy()) {
      if (facts.installedByKb.containsKey(superseding)) return superseding;
    }
    return null;
  }

  private static Row transition(CatalogUpdate update, Row before, String state, Instant time, Instant installedAt,
      String viaKb, int failedAttempts, List<Row> transitions) {
    Instant reportedInstall = StateRules.isInstalled(state) ? installedAt : null;
    if (before == null) {
      Instant from = reportedInstall != null && reportedInstall.isBefore(time) ? reportedInstall : time;
      return state(update, state, from, from, reportedInstall, viaKb, failedAttempts, false);
    }
    String previousState = before.getAs("state");
    Instant firstApplicable = before.getAs("first_applicable_at");
    if (previousState.equals(state)) {
      return state(update, state, before.getAs("state_since"), firstApplicable, reportedInstall, viaKb,
          failedAttempts, before.<Boolean>getAs("regression"));
    }
    Instant from = at(time, before);
    Instant since = before.getAs("state_since");
    if (reportedInstall != null && reportedInstall.isBefore(from) && (since == null || reportedInstall.isAfter(since))) {
      from = reportedInstall;
    }
    transitions.add(closed(before, from));
    return state(update, state, from, firstApplicable, reportedInstall, viaKb, failedAttempts,
        StateRules.isRegression(previousState, state));
  }

  /** A change is never dated before the state it ends began. */
  private static Instant at(Instant time, Row before) {
    Instant since = before.getAs("state_since");
    return since != null && time.isBefore(since) ? since : time;
  }

  private static Row closed(Row before, Instant validTo) {
    return new GenericRowWithSchema(new Object[] {before.getAs("update_id"), before.getAs("bulletin_id"),
        before.getAs("state"), before.getAs("state_since"), validTo, before.getAs("regression")},
        ComputerSchemas.TRANSITION);
  }

  private static Row state(CatalogUpdate update, String state, Instant since, Instant firstApplicable,
      Instant installedAt, String viaKb, int failedAttempts, boolean regression) {
    return new GenericRowWithSchema(new Object[] {update.updateId(), update.kb(), update.bulletinId(),
        update.product(), state, since, firstApplicable, installedAt, viaKb, failedAttempts, regression},
        ComputerSchemas.STATE);
  }

  private Row output(String computerId, ComputerFacts facts, Map<String, Row> states, List<Row> transitions) {
    Map<String, List<Row>> byBulletin = new TreeMap<>();
    for (Row state : states.values()) {
      byBulletin.computeIfAbsent(state.getAs("bulletin_id"), b -> new ArrayList<>()).add(state);
    }
    List<Row> bulletinStates = new ArrayList<>(byBulletin.size());
    byBulletin.forEach((bulletinId, updates) -> {
      String state = StateRules.bulletinState(updates.stream().map(u -> u.<String>getAs("state")).toList());
      Instant firstApplicable = null;
      Instant compliantAt = null;
      for (Row update : updates) {
        firstApplicable = min(firstApplicable, update.getAs("first_applicable_at"));
        compliantAt = max(compliantAt, update.getAs("state_since"));
      }
      bulletinStates.add(new GenericRowWithSchema(new Object[] {bulletinId, state, firstApplicable,
          state.equals(StateRules.INSTALLED) ? compliantAt : null}, ComputerSchemas.BULLETIN_STATE));
    });
    return RowFactory.create(computerId, facts.hostname, facts.domain, facts.region, facts.site, facts.ou,
        facts.computerClass, facts.managedLevel, facts.osProduct, facts.osName, facts.osVersion, facts.osBuild,
        facts.architecture, Rows.seq(facts.products), facts.agentVersion, facts.enrolledAt, facts.lastInventoryAt,
        facts.lastReceivedAt, facts.lastBootAt, facts.pendingReboot, facts.pendingRebootSince, Rows.seq(facts.installed),
        facts.scanErrorCount, facts.lastScanError, Rows.seq(new ArrayList<>(states.values())), Rows.seq(bulletinStates),
        Rows.seq(transitions));
  }

  private static Instant min(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}

package org.patchlake.etl.transform;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
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
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.patchlake.core.catalog.Update;
import org.patchlake.core.state.InstallPlan;
import org.patchlake.core.state.InstallPlanner;
import org.patchlake.core.state.StateDeriver;
import org.patchlake.core.state.StatePolicy;
import org.patchlake.core.state.UpdateState;

/**
 * Evaluates one computer ({@link ComputerSchemas#INPUT}) into its new computer_latest row plus the history rows
 * this run closes ({@link ComputerSchemas#OUTPUT}). States come from core's {@link StateDeriver}; this class only
 * gathers the facts and keeps the time line: new scans are applied in scan-time order, each a point in history;
 * a scan older than the last one applied is late and changes no state (it still lands in the scans table).
 * A final evaluation at the run's clock folds in staleness, exceptions, failed deliveries and catalog changes; core's
 * {@link InstallPlanner} then plans what to install for the REQUIRED and FAILED updates of that evaluation.
 */
public final class ComputerEvaluator implements Serializable {
  private static final long serialVersionUID = 2L;

  private final CatalogIndex catalog;
  private final StatePolicy policy;
  private final Instant asOf;
  private transient StateDeriver deriver;
  private transient InstallPlanner planner;

  public ComputerEvaluator(CatalogIndex catalog, StatePolicy policy, Instant asOf) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.policy = requireNonNull(policy, "policy is null");
    this.asOf = requireNonNull(asOf, "asOf is null");
  }

  private StateDeriver deriver() {
    if (deriver == null) deriver = catalog.deriver(policy);
    return deriver;
  }

  private InstallPlanner planner() {
    if (planner == null) planner = new InstallPlanner(deriver());
    return planner;
  }

  public Row evaluate(Row input) {
    String computerId = input.getAs("computer_id");
    Row previous = Rows.struct(input, "previous");
    ComputerFacts facts = ComputerFacts.from(previous);
    Row enrollment = Rows.struct(input, "enrollment");
    if (enrollment != null) facts.applyEnrollment(enrollment);

    Map<String, Row> states = new LinkedHashMap<>();
    if (previous != null) {
      byte[] encoded = previous.getAs("states_bin");
      for (Row state : encoded != null ? StateCodec.decodeStates(encoded) : Rows.<Row>list(previous, "states")) {
        states.put(state.getAs("update_id"), state);
      }
    }
    Map<String, Integer> failures = new HashMap<>();
    Map<String, Instant> awaitingRestart = new HashMap<>();
    for (Row fact : Rows.<Row>list(input, "delivery_facts")) {
      int attempts = fact.<Integer>getAs("failed_attempts");
      if (attempts > 0) failures.put(fact.getAs("kb"), attempts);
      Instant since = fact.getAs("awaiting_restart_since");
      if (since != null) awaitingRestart.put(fact.getAs("kb"), since);
    }
    Deliveries deliveries = new Deliveries(failures, awaitingRestart);
    Map<String, Instant> exemptions = new HashMap<>();
    for (Row exemption : Rows.<Row>list(input, "exemptions")) {
      Instant expires = exemption.getAs("expires_at");
      exemptions.merge(exemption.getAs("bulletin_id"), expires == null ? Instant.MAX : expires,
          (a, b) -> a.isAfter(b) ? a : b);
    }
    List<Row> transitions = new ArrayList<>();

    List<Row> scans = Rows.list(input, "scans");
    scans.sort(Comparator.comparing((Row scan) -> scan.<Instant>getAs("scanned_at"))
        .thenComparing(scan -> scan.<Instant>getAs("received_at"), Comparator.nullsFirst(Comparator.naturalOrder())));
    for (Row scan : scans) {
      Instant scannedAt = scan.getAs("scanned_at");
      if (facts.lastInventoryAt != null && !scannedAt.isAfter(facts.lastInventoryAt)) continue;
      facts.applyScan(scan);
      states = step(computerId, facts, states, deliveries, exemptions, scannedAt, scannedAt, transitions);
    }
    org.patchlake.core.state.ComputerFacts now = coreFacts(computerId, facts, deliveries, exemptions, asOf);
    boolean stale = deriver().isStale(now, asOf);
    // Always derive again at the run's clock, even right after a scan: deliveries that failed after the scan,
    // exception expiry, staleness and updates released since the scan (core's rules) all depend on it.
    Instant changedAt = stale && facts.lastInventoryAt != null ? facts.lastInventoryAt.plus(policy.staleness()) : asOf;
    states = step(computerId, facts, states, deliveries, exemptions, asOf, changedAt, transitions);
    return output(computerId, facts, !stale, states, transitions,
        coveredByWindowsUpdate(computerId, facts, states, deliveries, exemptions), installPlan(computerId, now, states));
  }

  /**
   * What to install for the REQUIRED and FAILED updates of the final evaluation ({@code now}: its facts), by core's
   * planner: the fewest updates whose installation fixes them all. A plan changing is not a state change: it makes no
   * history row.
   */
  private InstallPlan installPlan(String computerId, org.patchlake.core.state.ComputerFacts now, Map<String, Row> states) {
    List<Update> targets = new ArrayList<>();
    for (Row state : states.values()) {
      String name = state.getAs("state");
      if (name.equals("REQUIRED") || name.equals("FAILED")) {
        deriver().catalog().update(state.getAs("kb"), state.getAs("product")).ifPresent(targets::add);
      }
    }
    return targets.isEmpty() ? new InstallPlan(computerId, List.of(), 0) : planner().plan(now, targets, asOf);
  }

  /**
   * The REQUIRED or FAILED updates that the security updates Windows Update lists would cover, by core's rules
   * (the KB itself, a superseding one, a later cumulative package): where the two verdicts agree although Windows Update
   * names a newer update than Patchlake does. Empty without a completed verdict listing any (no second derivation).
   */
  private List<String> coveredByWindowsUpdate(String computerId, ComputerFacts facts, Map<String, Row> states,
      Deliveries deliveries, Map<String, Instant> exemptions) {
    Row verdict = facts.windowsUpdate;
    if (verdict == null || verdict.getAs("error_code") != null) return List.of();
    Set<String> listed = new HashSet<>();
    for (Row missing : Rows.<Row>list(verdict, "missing")) {
      String kb = missing.getAs("kb");
      if (kb != null && "security updates".equalsIgnoreCase(missing.getAs("classification"))) listed.add(kb);
    }
    List<Row> missingHere = new ArrayList<>();
    for (Row state : states.values()) {
      String name = state.getAs("state");
      if (name.equals("REQUIRED") || name.equals("FAILED")) missingHere.add(state);
    }
    if (listed.isEmpty() || missingHere.isEmpty()) return List.of();
    // only the missing updates are derived again (not every applicable one): the cost follows what both sides list
    org.patchlake.core.state.ComputerFacts withListed = coreFacts(computerId, facts, deliveries, exemptions, asOf, listed);
    List<String> covered = new ArrayList<>();
    for (Row state : missingHere) {
      Update update = deriver().catalog().update(state.getAs("kb"), state.getAs("product")).orElse(null);
      if (update != null && deriver().stateOf(update, withListed, asOf).state().isInstalled()) {
        covered.add(update.updateId());
      }
    }
    covered.sort(null);
    return covered;
  }

  /** Per KB, failed attempts and installs waiting for a restart, from the computer's deliveries. */
  private record Deliveries(Map<String, Integer> failures, Map<String, Instant> awaitingRestart) {}

  /**
   * The core facts at {@code now}. A KB is waiting for a restart when the inventory says so, or when a delivery
   * installed it with "restart required" before {@code now} and after the last boot the computer reported:
   * Windows lists many updates only once the restart has completed them.
   */
  private org.patchlake.core.state.ComputerFacts coreFacts(String computerId, ComputerFacts facts,
      Deliveries deliveries, Map<String, Instant> exemptions, Instant now) {
    return coreFacts(computerId, facts, deliveries, exemptions, now, Set.of());
  }

  /** The core facts at {@code now} as if {@code alsoInstalled} were installed too (and not waiting for a restart). */
  private org.patchlake.core.state.ComputerFacts coreFacts(String computerId, ComputerFacts facts,
      Deliveries deliveries, Map<String, Instant> exemptions, Instant now, Set<String> alsoInstalled) {
    Set<String> installed = new HashSet<>(alsoInstalled);
    Set<String> pending = new HashSet<>();
    for (Row kb : facts.installed) {
      (facts.waitsForRestart(kb) ? pending : installed).add(kb.getAs("kb"));
    }
    deliveries.awaitingRestart().forEach((kb, since) -> {
      if (!since.isAfter(now) && (facts.lastBootAt == null || since.isAfter(facts.lastBootAt))) pending.add(kb);
    });
    pending.removeAll(alsoInstalled);
    installed.removeAll(pending);
    return new org.patchlake.core.state.ComputerFacts(computerId, facts.allProducts(catalog.resolver()), installed,
        pending, deliveries.failures(), exemptions, facts.lastInventoryAt);
  }

  /** One derivation at {@code now}; changes are dated {@code changedAt} (a reported install date if earlier). */
  private Map<String, Row> step(String computerId, ComputerFacts facts, Map<String, Row> previous,
      Deliveries deliveries, Map<String, Instant> exemptions, Instant now, Instant changedAt,
      List<Row> transitions) {
    Map<String, Row> next = new TreeMap<>();
    deriver().derive(coreFacts(computerId, facts, deliveries, exemptions, now), now, (update, state, via, attempts) -> {
      String installedBy = state.isInstalled() ? (via != null ? via : update.kb()) : null;
      Row installedKb = installedBy == null ? null : facts.installedByKb.get(installedBy);
      Instant installedAt = installedKb == null ? null : installedKb.getAs("installed_at");
      next.put(update.updateId(), transition(update, previous.get(update.updateId()), state, changedAt,
          installedAt, via, attempts, transitions));
    });
    for (Map.Entry<String, Row> gone : previous.entrySet()) {
      if (!next.containsKey(gone.getKey())) transitions.add(closed(gone.getValue(), at(changedAt, gone.getValue())));
    }
    return next;
  }

  private static Row transition(Update update, Row before, UpdateState state, Instant time, Instant installedAt,
      String viaKb, int failedAttempts, List<Row> transitions) {
    if (before == null) {
      Instant from = installedAt != null && installedAt.isBefore(time) ? installedAt : time;
      return state(update, state, from, from, installedAt, viaKb, failedAttempts, false);
    }
    UpdateState previousState = UpdateState.valueOf(before.getAs("state"));
    Instant firstApplicable = before.getAs("first_applicable_at");
    if (previousState == state) {
      return state(update, state, before.getAs("state_since"), firstApplicable, installedAt, viaKb, failedAttempts,
          before.<Boolean>getAs("regression"));
    }
    Instant from = at(time, before);
    Instant since = before.getAs("state_since");
    if (installedAt != null && installedAt.isBefore(from) && (since == null || installedAt.isAfter(since))) {
      from = installedAt;
    }
    transitions.add(closed(before, from));
    boolean regression = previousState.isInstalled() && (state == UpdateState.REQUIRED || state == UpdateState.FAILED);
    return state(update, state, from, firstApplicable, installedAt, viaKb, failedAttempts, regression);
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

  private static Row state(Update update, UpdateState state, Instant since, Instant firstApplicable,
      Instant installedAt, String viaKb, int failedAttempts, boolean regression) {
    return new GenericRowWithSchema(new Object[] {update.updateId(), update.kb(), update.bulletinId(),
        update.product(), state.name(), since, firstApplicable, state.isInstalled() ? installedAt : null, viaKb,
        failedAttempts, regression, null}, ComputerSchemas.EVALUATED_STATE);
  }

  private Row output(String computerId, ComputerFacts facts, boolean reporting, Map<String, Row> states,
      List<Row> transitions, List<String> coveredByWindowsUpdate, InstallPlan plan) {
    Map<String, List<Row>> byBulletin = new TreeMap<>();
    for (Row state : states.values()) {
      byBulletin.computeIfAbsent(state.getAs("bulletin_id"), b -> new ArrayList<>()).add(state);
    }
    List<Row> bulletinStates = new ArrayList<>(byBulletin.size());
    byBulletin.forEach((bulletinId, updates) -> {
      UpdateState state = UpdateState.NOT_APPLICABLE;
      Instant firstApplicable = null;
      Instant compliantAt = null;
      for (Row update : updates) {
        state = UpdateState.worst(state, UpdateState.valueOf(update.getAs("state")));
        firstApplicable = min(firstApplicable, update.getAs("first_applicable_at"));
        compliantAt = max(compliantAt, update.getAs("state_since"));
      }
      bulletinStates.add(new GenericRowWithSchema(new Object[] {bulletinId, state.name(), firstApplicable,
          state == UpdateState.INSTALLED ? compliantAt : null}, ComputerSchemas.BULLETIN_STATE));
    });
    return new GenericRowWithSchema(new Object[] {computerId, facts.hostname, facts.domain, facts.region, facts.site,
        facts.ou, facts.computerClass, facts.managedLevel, facts.osProduct, facts.osName, facts.osVersion,
        facts.osBuild, facts.architecture, facts.osServicePack, Rows.seq(facts.products), facts.agentVersion, facts.enrolledAt,
        facts.lastInventoryAt, facts.lastReceivedAt, facts.lastBootAt, facts.pendingReboot, facts.pendingRebootSince,
        StateCodec.encodeInstalled(facts.installed), reporting, facts.scanErrorCount, facts.lastScanError,
        StateCodec.encodeStates(states.values()), VerdictCodec.encode(facts.windowsUpdate),
        Rows.seq(InstallPlanRows.withInstallKb(states.values(), plan)), Rows.seq(bulletinStates), Rows.seq(transitions),
        facts.resolution(catalog.resolver()).problem(), Rows.seq(coveredByWindowsUpdate),
        Rows.seq(plan.kbs())},
        ComputerSchemas.OUTPUT);
  }

  private static Instant min(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}

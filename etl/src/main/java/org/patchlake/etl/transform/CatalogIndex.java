package org.patchlake.etl.transform;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.CumulativeRole;
import org.patchlake.core.catalog.RestartBehaviour;
import org.patchlake.core.catalog.Severity;
import org.patchlake.core.catalog.Update;
import org.patchlake.core.state.StateDeriver;
import org.patchlake.core.state.StatePolicy;

/**
 * The catalog shipped to executors: the rows of the updates table and the cumulative packages derived at import in
 * a compact serializable form (the core {@link Catalog} is not serializable), rebuilt once per executor JVM into a
 * core {@link Catalog} and the one {@link StateDeriver} of {@code org.patchlake.core.state}.
 */
public final class CatalogIndex implements Serializable {
  private static final long serialVersionUID = 3L;

  /** One row of the updates table: KB x product with its direct supersedes (the closure is core's job). */
  public record CatalogUpdate(String kb, String bulletinId, String product, String component, String severity,
      String impact, LocalDate released, boolean exploited, String restartBehaviour, List<String> supersedes)
      implements Serializable {
    public CatalogUpdate {
      requireNonNull(kb, "kb is null");
      requireNonNull(bulletinId, "bulletinId is null");
      requireNonNull(product, "product is null");
      supersedes = List.copyOf(supersedes);
    }

    Update toUpdate() {
      return new Update(kb, bulletinId, product, component == null ? "" : component, Severity.fromLabel(severity),
          impact == null ? "" : impact, released, exploited, RestartBehaviour.fromCode(restartBehaviour), supersedes,
          List.of());
    }
  }

  private final String version;
  private final List<CatalogUpdate> updates;
  private final List<CumulativeRole> cumulative;
  private transient Catalog catalog;
  private transient ProductResolver resolver;

  public CatalogIndex(String version, List<CatalogUpdate> updates) {
    this(version, updates, List.of());
  }

  /** @param cumulative the catalog version's cumulative packages (its update_cumulative table) */
  public CatalogIndex(String version, List<CatalogUpdate> updates, List<CumulativeRole> cumulative) {
    this.version = requireNonNull(version, "version is null");
    this.updates = List.copyOf(updates);
    this.cumulative = List.copyOf(cumulative);
  }

  public String version() {
    return version;
  }

  public int updateCount() {
    return updates.size();
  }

  /** Whether some update's release day is after {@code from}'s day and on or before {@code to}'s (UTC). */
  public boolean releasedBetween(Instant from, Instant to) {
    LocalDate after = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate upTo = LocalDate.ofInstant(to, ZoneOffset.UTC);
    return updates.stream().anyMatch(u -> u.released() != null && u.released().isAfter(after)
        && !u.released().isAfter(upTo));
  }

  /** The core catalog, built on first use in each JVM. */
  public synchronized Catalog catalog() {
    if (catalog == null) {
      List<Update> built = new ArrayList<>(updates.size());
      for (CatalogUpdate update : updates) built.add(update.toUpdate());
      catalog = Catalog.of(built, List.of(), cumulative);
    }
    return catalog;
  }

  /** Product identification over this catalog's product names, built on first use in each JVM. */
  public synchronized ProductResolver resolver() {
    if (resolver == null) resolver = new ProductResolver(catalog().products());
    return resolver;
  }

  public StateDeriver deriver(StatePolicy policy) {
    return new StateDeriver(catalog(), policy);
  }
}

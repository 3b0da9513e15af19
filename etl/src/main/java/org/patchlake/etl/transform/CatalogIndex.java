package org.patchlake.etl.transform;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog as the per-computer evaluation needs it, small enough to broadcast: for each product, its updates
 * with the KBs that supersede each one for that product (transitive closure, as imported).
 */
public final class CatalogIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One update (KB x product) with every KB that supersedes it for the same product, sorted. */
  public record CatalogUpdate(String updateId, String kb, String bulletinId, String product,
      List<String> supersededBy) implements Serializable {
    public CatalogUpdate {
      requireNonNull(updateId, "updateId is null");
      requireNonNull(kb, "kb is null");
      requireNonNull(bulletinId, "bulletinId is null");
      requireNonNull(product, "product is null");
      supersededBy = List.copyOf(supersededBy);
    }
  }

  private final String version;
  private final Map<String, List<CatalogUpdate>> byProduct;

  public CatalogIndex(String version, Map<String, List<CatalogUpdate>> byProduct) {
    this.version = requireNonNull(version, "version is null");
    Map<String, List<CatalogUpdate>> copy = new HashMap<>();
    byProduct.forEach((product, updates) -> copy.put(product, List.copyOf(updates)));
    this.byProduct = Collections.unmodifiableMap(copy);
  }

  public String version() {
    return version;
  }

  /** Updates of a product sorted by update id; empty for a product the catalog does not know. */
  public List<CatalogUpdate> updatesFor(String product) {
    return product == null ? List.of() : byProduct.getOrDefault(product, List.of());
  }

  public int productCount() {
    return byProduct.size();
  }

  public int updateCount() {
    return byProduct.values().stream().mapToInt(List::size).sum();
  }

  /** Collects rows into an index; call {@link #build()} once all are added. */
  public static final class Builder {
    private final Map<String, String> interned = new HashMap<>();
    private final Map<String, Map<String, String[]>> updates = new HashMap<>();
    private final Map<String, Map<String, List<String>>> superseding = new HashMap<>();

    private String intern(String value) {
      return value == null ? null : interned.computeIfAbsent(value, v -> v);
    }

    public Builder update(String updateId, String kb, String bulletinId, String product) {
      updates.computeIfAbsent(intern(product), p -> new HashMap<>())
          .put(intern(kb), new String[] {updateId, intern(bulletinId == null ? kb : bulletinId)});
      return this;
    }

    public Builder supersededBy(String kb, String product, String supersedingKb) {
      superseding.computeIfAbsent(intern(product), p -> new HashMap<>())
          .computeIfAbsent(intern(kb), k -> new ArrayList<>()).add(intern(supersedingKb));
      return this;
    }

    public CatalogIndex build(String version) {
      Map<String, List<CatalogUpdate>> byProduct = new HashMap<>();
      updates.forEach((product, kbs) -> {
        Map<String, List<String>> sup = superseding.getOrDefault(product, Map.of());
        List<CatalogUpdate> list = new ArrayList<>(kbs.size());
        kbs.forEach((kb, ids) -> {
          List<String> by = new ArrayList<>(sup.getOrDefault(kb, List.of()));
          by.sort(null);
          list.add(new CatalogUpdate(ids[0], kb, ids[1], product, by));
        });
        list.sort((a, b) -> a.updateId().compareTo(b.updateId()));
        byProduct.put(product, list);
      });
      return new CatalogIndex(version, byProduct);
    }
  }
}

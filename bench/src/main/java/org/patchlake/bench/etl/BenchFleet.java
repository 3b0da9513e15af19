package org.patchlake.bench.etl;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.Update;
import org.patchlake.core.inventory.Architecture;
import org.patchlake.core.inventory.InventoryOs;
import org.patchlake.core.inventory.ProductIdentifier;

/**
 * A realistic fleet on the real catalog: a mix of current Windows client and server releases as the catalog
 * names them, in-box components identified by core's ProductIdentifier, installed KBs drawn from the catalog
 * (everything up to a per-computer patch level, with a few gaps), spread over 5 regions x 4 sites.
 */
final class BenchFleet {
  static final String[] REGIONS = {"EU", "NA", "APAC", "LATAM", "MEA"};
  static final String[] CLASSES = {"workstation", "workstation", "workstation", "notebook", "notebook", "server",
      "business_critical_server"};

  /** An OS as the agent reports it and how often it appears in the fleet (percent). */
  record Os(String product, String name, String version, String build, int percent) {}

  static final List<Os> MIX = List.of(
      new Os("Windows 10 Version 22H2 for x64-based Systems", "Microsoft Windows 10 Enterprise", "10.0.19045", "19045", 35),
      new Os("Windows 11 Version 23H2 for x64-based Systems", "Microsoft Windows 11 Enterprise", "10.0.22631", "22631", 20),
      new Os("Windows 11 Version 24H2 for x64-based Systems", "Microsoft Windows 11 Enterprise", "10.0.26100", "26100", 10),
      new Os("Windows 10 Version 1809 for x64-based Systems", "Microsoft Windows 10 Enterprise LTSC", "10.0.17763", "17763", 5),
      new Os("Windows Server 2019", "Microsoft Windows Server 2019 Standard", "10.0.17763", "17763", 12),
      new Os("Windows Server 2016", "Microsoft Windows Server 2016 Standard", "10.0.14393", "14393", 8),
      new Os("Windows Server 2022", "Microsoft Windows Server 2022 Standard", "10.0.20348", "20348", 10));

  /** One endpoint: where it is, its OS and the updates (of all its products) ordered by release. */
  record Computer(String id, String region, String site, String computerClass, Os os, List<Update> updates,
      int patchLevel) {}

  private final List<Os> oses = new ArrayList<>();
  private final List<List<Update>> updatesByOs = new ArrayList<>();

  BenchFleet(Catalog catalog) {
    requireNonNull(catalog, "catalog is null");
    ProductIdentifier identifier = new ProductIdentifier(catalog.products());
    for (Os os : MIX) {
      List<String> products = identifier.identify(new InventoryOs(os.name(), os.version(),
          Integer.parseInt(os.build()), 0, Architecture.X64)).catalogProducts();
      List<Update> updates = new ArrayList<>();
      for (String product : products.isEmpty() ? List.of(os.product()) : products) {
        updates.addAll(catalog.updatesForProduct(product));
      }
      if (updates.isEmpty()) continue;
      updates.sort(Comparator.comparing(Update::released).thenComparing(update -> update.updateId()));
      for (int i = 0; i < os.percent(); i++) {
        oses.add(os);
        updatesByOs.add(updates);
      }
    }
    if (oses.isEmpty()) throw new IllegalStateException("none of the bench OS products is in the catalog");
  }

  Computer computer(int index, long seed) {
    Random random = new Random(seed * 1_000_003L + index);
    int pick = random.nextInt(oses.size());
    List<Update> updates = updatesByOs.get(pick);
    String region = REGIONS[index % REGIONS.length];
    String site = region + "-site-" + (random.nextInt(4) + 1);
    // Patch level: most computers are current up to a few months; some lag far behind.
    int lagging = random.nextInt(100) < 10 ? random.nextInt(updates.size() / 2 + 1) : random.nextInt(12);
    return new Computer(String.format("c-%07d", index), region, site, CLASSES[random.nextInt(CLASSES.length)],
        oses.get(pick), updates, Math.max(0, updates.size() - lagging));
  }

  /** Installed KBs: every update up to the patch level (a 2 % gap rate), deduplicated by KB. */
  static List<String[]> installed(Computer computer, Random random, int extra) {
    List<String[]> installed = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    int level = Math.min(computer.updates().size(), computer.patchLevel() + extra);
    for (int i = 0; i < level; i++) {
      Update update = computer.updates().get(i);
      if (random.nextInt(100) < 2 || !seen.add(update.kb())) continue;
      LocalDate on = update.released().plusDays(random.nextInt(20));
      installed.add(new String[] {update.kb(), on.toString()});
    }
    return installed;
  }
}

package org.patchlake.etl.transform;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchlake.core.inventory.Architecture;
import org.patchlake.core.inventory.IdentifiedProducts;
import org.patchlake.core.inventory.InventoryOs;
import org.patchlake.core.inventory.ProductIdentifier;

/**
 * Catalog products of a computer from the OS identity its agent reports, through core's
 * {@link ProductIdentifier} (the same assumptions as {@code evaluate}: in-box IE, .NET, Flash, ...). An identity that
 * cannot be placed is never lost in silence: the {@link Resolution} says why, the ETL keeps the reason per computer
 * (computers.os_unresolved_reason), counts it in its summary and Agent health lists it. Results are cached per
 * distinct OS identity: a fleet has few.
 */
public final class ProductResolver {
  private static final Pattern DIGITS = Pattern.compile("(\\d+)");

  /** The catalog products of an OS identity (OS product spellings, then in-box components), or why there are none. */
  public record Resolution(List<String> products, String problem) {
    public Resolution {
      products = List.copyOf(requireNonNull(products, "products is null"));
      if (problem != null && !products.isEmpty()) {
        throw new IllegalArgumentException("a resolution with a problem has no products: " + problem);
      }
    }

    static Resolution of(List<String> products) {
      return new Resolution(products, null);
    }

    static Resolution unresolved(String problem) {
      return new Resolution(List.of(), requireNonNull(problem, "problem is null"));
    }

    public boolean resolved() {
      return problem == null;
    }
  }

  private final ProductIdentifier identifier;
  private final Map<String, Resolution> cache = new HashMap<>();

  public ProductResolver(Collection<String> catalogProducts) {
    this.identifier = new ProductIdentifier(catalogProducts);
  }

  public synchronized Resolution resolve(String name, String version, String build, String servicePack,
      String architecture, String osProduct) {
    String key = String.join("\u0000", String.valueOf(name), String.valueOf(version), String.valueOf(build),
        String.valueOf(servicePack), String.valueOf(architecture), String.valueOf(osProduct));
    return cache.computeIfAbsent(key, k -> identify(name, version, build, servicePack, architecture, osProduct));
  }

  private Resolution identify(String name, String version, String build, String servicePack, String architecture,
      String osProduct) {
    if (name == null || version == null || architecture == null) {
      return Resolution.unresolved("no OS identity reported (name, version and architecture are needed)");
    }
    Optional<Architecture> arch = Architecture.fromSystemType(architecture);
    if (arch.isEmpty()) return Resolution.unresolved("architecture '" + architecture + "' is not one the catalog names");
    if (!version.matches("\\d+\\.\\d+(\\.\\d+)*")) {
      return Resolution.unresolved("OS version '" + version + "' is not an NT version such as 10.0.19045");
    }
    int buildNumber = firstNumber(build).orElseGet(() -> firstNumber(thirdPart(version)).orElse(0));
    int servicePackNumber = firstNumber(servicePack).orElseGet(() -> impliedServicePack(version, buildNumber));
    InventoryOs os;
    IdentifiedProducts identified;
    try {
      os = new InventoryOs(name, version, buildNumber, servicePackNumber, arch.get());
      identified = identifier.identify(os);
      if (osProduct != null && identified.osProduct() != null && !sameProduct(osProduct, identified)) {
        // the agent reads InstallationType from the registry: a Server Core installation has products of its own
        IdentifiedProducts serverCore = identifier.identifyServerCore(os);
        if (sameProduct(osProduct, serverCore)) identified = serverCore;
      }
    } catch (RuntimeException e) {
      return Resolution.unresolved("OS identity '" + name + "' " + version + " could not be read: " + e.getMessage());
    }
    if (identified.osProduct() == null) {
      return Resolution.unresolved(String.join("; ", identified.notes()));
    }
    if (!identified.inCatalog()) {
      return Resolution.unresolved("the catalog has no updates for '" + identified.osProduct() + "'");
    }
    List<String> products = identified.catalogProducts();
    if (osProduct != null && !sameProduct(osProduct, identified)) {
      return Resolution.unresolved("the agent reported '" + osProduct + "' but its OS identity ('" + name + "' " + version
          + ", build " + buildNumber + ") is '" + identified.osProduct() + "'");
    }
    return Resolution.of(products);
  }

  /** The agent's product is the identified one, as the catalog spells it or in the canonical spelling. */
  private static boolean sameProduct(String osProduct, IdentifiedProducts identified) {
    String key = key(osProduct);
    if (key.equals(key(identified.osProduct()))) return true;
    return identified.osSpellings().stream().anyMatch(spelling -> key(spelling).equals(key));
  }

  private static String key(String product) {
    return product.trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The service pack an NT 6.0 or 6.1 build number implies when the agent sends none (Windows writes it in
   * CSDVersion, which the agent does not send): 7601 is Windows 7 / Server 2008 R2 SP1, 6001 and 6002 (6003 after the
   * 2019 servicing update) are Vista / Server 2008 SP1 and SP2.
   */
  static int impliedServicePack(String version, int build) {
    if (version.startsWith("6.1.") || version.equals("6.1")) return build >= 7601 ? 1 : 0;
    if (version.startsWith("6.0.") || version.equals("6.0")) return build >= 6002 ? 2 : build == 6001 ? 1 : 0;
    return 0;
  }

  private static String thirdPart(String version) {
    String[] parts = version.split("\\.");
    return parts.length > 2 ? parts[2] : null;
  }

  private static Optional<Integer> firstNumber(String text) {
    if (text == null) return Optional.empty();
    Matcher matcher = DIGITS.matcher(text);
    if (!matcher.find()) return Optional.empty();
    try {
      return Optional.of(Integer.parseInt(matcher.group(1)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

package org.patchlake.etl.transform;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchlake.core.inventory.Architecture;
import org.patchlake.core.inventory.OsIdentity;
import org.patchlake.core.inventory.ProductIdentifier;

/**
 * Catalog products of a computer from the OS identity its agent reports, through core's
 * {@link ProductIdentifier} (the same assumptions as {@code evaluate}: in-box IE, .NET, Flash, ...). Results are
 * cached per distinct OS identity: a fleet has few.
 */
public final class ProductResolver {
  private static final Pattern DIGITS = Pattern.compile("(\\d+)");

  private final ProductIdentifier identifier;
  private final Map<String, List<String>> cache = new HashMap<>();

  public ProductResolver(Collection<String> catalogProducts) {
    this.identifier = new ProductIdentifier(catalogProducts);
  }

  public synchronized List<String> products(String name, String version, String build, String servicePack,
      String architecture, String osProduct) {
    if (name == null || version == null || architecture == null) return List.of();
    String key = String.join("\u0000", name, version, String.valueOf(build), String.valueOf(servicePack),
        architecture, String.valueOf(osProduct));
    return cache.computeIfAbsent(key, k -> identify(name, version, build, servicePack, architecture, osProduct));
  }

  private List<String> identify(String name, String version, String build, String servicePack,
      String architecture, String osProduct) {
    Optional<Architecture> arch = Architecture.fromSystemType(architecture);
    if (arch.isEmpty()) return List.of();
    int buildNumber = firstNumber(build).orElseGet(() -> firstNumber(thirdPart(version)).orElse(0));
    int servicePackNumber = firstNumber(servicePack).orElse(0);
    try {
      List<String> products = identifier.identify(new OsIdentity(name, version, buildNumber, servicePackNumber,
          arch.get())).catalogProducts();
      if (osProduct != null && !products.isEmpty() && !products.contains(osProduct)) {
        return List.of();
      }
      return List.copyOf(products);
    } catch (RuntimeException e) {
      return List.of();
    }
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

package org.patchlake.core.inventory;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps an OS identity to the catalog's AffectedProduct names: the OS product itself plus the components that
 * ship in the box and that the catalog lists as "<component> on <OS product>".
 *
 * <p>Assumed installed (see etl/README-evaluate.md):
 * <ul>
 *   <li>a full installation, not Server Core, unless the caller knows better (systeminfo does not say; the agent reads
 *       the registry's InstallationType and reports the catalog's "(Server Core installation)" product, see
 *       {@link #identifyServerCore});</li>
 *   <li>every Internet Explorer the catalog lists on that OS (IE 9 on Vista/2008 SP2, IE 10 and 11 on 2012,
 *       IE 11 on 7 SP1/2008 R2 SP1/8.1/2012 R2/10/2016/2019);</li>
 *   <li>the .NET Framework versions shipped with the OS ({@link WindowsReleases#inboxDotNet}); a .NET product
 *       "A AND B/C" applies when every AND-part names an in-box version;</li>
 *   <li>Adobe Flash Player and Microsoft Edge (EdgeHTML-based) where the catalog lists them on that OS (both
 *       were part of Windows 8/8.1/10 and their servers), MSXML 3.0, VBScript, JScript, Windows Script;</li>
 *   <li>nothing else: Office, SQL Server, Defender for Endpoint, Edge (Chromium), Store apps, .NET Core,
 *       Silverlight, ADK/HLK ... are not assumed.</li>
 * </ul>
 * Catalog names are matched ignoring case and repeated or trailing spaces.
 */
public final class ProductIdentifier {
    private static final Pattern ON_WINDOWS = Pattern.compile(" on (?=(?:Microsoft )?Windows)");
    private static final String DOT_NET = "Microsoft .NET Framework ";
    private static final String SERVER_CORE = " (Server Core installation)";
    private static final List<String> ALWAYS_ASSUMED = List.of(
            "Internet Explorer ", "Adobe Flash Player", "Microsoft Edge (EdgeHTML-based)",
            "Microsoft XML Core Services 3.0", "VBScript", "JScript", "Windows Script");

    private final Map<String, List<String>> spellingsByKey = new HashMap<>();
    private final Map<String, List<String[]>> componentsByOsKey = new HashMap<>();

    public ProductIdentifier(Collection<String> catalogProducts) {
        requireNonNull(catalogProducts, "catalogProducts is null");
        for (String product : catalogProducts) {
            spellingsByKey.computeIfAbsent(key(product), k -> new ArrayList<>()).add(product);
            Matcher on = ON_WINDOWS.matcher(product);
            if (on.find()) {
                String component = product.substring(0, on.start()).trim();
                String os = product.substring(on.end());
                componentsByOsKey.computeIfAbsent(key(os), k -> new ArrayList<>()).add(new String[] {component, product});
            }
        }
        spellingsByKey.values().forEach(list -> list.sort(null));
        componentsByOsKey.values().forEach(list -> list.sort((a, b) -> a[1].compareTo(b[1])));
    }

    /** The canonical OS product name, whether or not the catalog has it. */
    public static java.util.Optional<String> osProductName(InventoryOs os) {
        return OsProductNames.name(os).value();
    }

    public IdentifiedProducts identify(InventoryOs os) {
        return identify(os, false);
    }

    /**
     * The products of a Server Core installation of a server OS: the catalog's "... (Server Core installation)"
     * product and the components it lists on that product (.NET, Defender; no Internet Explorer, Edge or Flash,
     * which Server Core does not have). For a non-server OS this is {@link #identify}.
     */
    public IdentifiedProducts identifyServerCore(InventoryOs os) {
        return identify(os, true);
    }

    private IdentifiedProducts identify(InventoryOs os, boolean serverCore) {
        requireNonNull(os, "os is null");
        OsProductNames.Result result = OsProductNames.name(os);
        if (result.value().isEmpty()) {
            return IdentifiedProducts.unknown(result.reason());
        }
        String osProduct = result.product();
        if (serverCore && osProduct.contains("Server") && !osProduct.contains(SERVER_CORE)) {
            osProduct = osProduct + SERVER_CORE;
        }
        List<String> notes = new ArrayList<>();
        List<String> spellings = spellingsByKey.getOrDefault(key(osProduct), List.of());
        if (spellings.isEmpty()) {
            notes.add("the catalog has no updates for '" + osProduct + "'");
        }
        if (!serverCore && osProduct.contains("Server") && !osProduct.contains("Server Core")) {
            notes.add("assumed a full installation (not Server Core)");
        }
        Set<String> dotNet = WindowsReleases.inboxDotNet(os.kernelVersion(), osProduct.contains("Server"), os.build());
        List<String> components = new ArrayList<>();
        for (String[] entry : componentsByOsKey.getOrDefault(key(osProduct), List.of())) {
            if (assumed(entry[0], dotNet)) {
                components.add(entry[1]);
            }
        }
        if (!dotNet.isEmpty()) {
            notes.add("assumed in-box .NET Framework " + String.join(" and ", new java.util.TreeSet<>(dotNet)));
        }
        return new IdentifiedProducts(osProduct, spellings, components, notes);
    }

    static boolean assumed(String component, Set<String> inboxDotNet) {
        if (component.startsWith(DOT_NET)) {
            return dotNetApplies(component.substring(DOT_NET.length()).trim(), inboxDotNet);
        }
        for (String prefix : ALWAYS_ASSUMED) {
            if (component.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** "3.5 AND 4.7.2": every AND-part must name an in-box version; "4.6/4.6.1/4.7.2": any alternative will do. */
    static boolean dotNetApplies(String versions, Set<String> inboxDotNet) {
        for (String part : versions.split("(?i)\\s+and\\s+")) {
            boolean any = false;
            for (String alternative : part.split("/")) {
                if (inboxDotNet.contains(alternative.trim())) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** Case-insensitive, spaces collapsed and trimmed. */
    static String key(String product) {
        return product.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}

package org.patchlake.sample.pipeline;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every computer x update state of a warehouse recomputed from the written rules (DESIGN.md's states, and
 * etl/README-evaluate.md's products, .NET component rule and cumulative servicing), with nothing of the project's state
 * rules (no core state, supersedence or servicing classes): the catalog is read from its Parquet files with DuckDB, the
 * computers' latest inventories from the landing files.
 * <ul>
 * <li>Products: the OS product the agent reported and the in-box components the catalog lists on it (Internet
 * Explorer, Flash, EdgeHTML, MSXML 3.0, VBScript, JScript, Windows Script, the .NET Framework versions that ship with
 * the OS). An update listed under the OS product for a .NET Framework component applies only when the computer has
 * one of its versions among its .NET products on that OS (or has none of them).</li>
 * <li>An update applies once released (by the evaluation day); an optional preview (a Windows 10+ OS update between
 * Patch Tuesdays with no CVE and no severity) is never derived.</li>
 * <li>INSTALLED when its KB, a KB that supersedes it for the product (the published closure), or a later cumulative
 * package of a servicing stream it belongs to is installed (not waiting for a restart); INSTALLED_PENDING_REBOOT when
 * only a KB waiting for a restart covers it; REQUIRED otherwise; UNKNOWN when the latest inventory is older than the
 * staleness window.</li>
 * <li>Streams: the OS stream (the OS product's updates, bar .NET, Flash, Silverlight and antimalware rows once its
 * cumulative era began, with those of Internet Explorer, EdgeHTML, MSXML 3.0 and the script engines on it) of Windows
 * 10/11 and Server 2016+ and of the rollup OSes (Windows 7, 8.1, 2008 R2, 2012, 2012 R2), and each component
 * product's own stream. Cumulative packages: on Windows 10+ an OS update that takes part in the product's published
 * supersedence or also ships Internet Explorer or EdgeHTML; on the rollup OSes from October 2016 the monthly rollups
 * (an update another supersedes, and the newest; a security-only update is not one), which also cover every update
 * of the bulletin era before them; every Flash and EdgeHTML package; every Internet Explorer update that is not a
 * security-only update; every .NET update on Windows 10+, and on the rollup OSes the .NET updates since October 2016
 * that take part in supersedence.</li>
 * </ul>
 */
final class IndependentStates {
    private static final LocalDate ROLLUPS_SINCE = LocalDate.of(2016, 10, 1);
    private static final String DOT_NET = ".NET Framework";
    private static final Map<String, Set<String>> IN_BOX_DOT_NET = Map.ofEntries(
        Map.entry("Windows 10 Version 22H2", Set.of("3.5", "4.8")), Map.entry("Windows 10 Version 21H2", Set.of("3.5", "4.8")),
        Map.entry("Windows 10 Version 1809", Set.of("3.5", "4.7.2")), Map.entry("Windows Server 2019", Set.of("3.5", "4.7.2")),
        Map.entry("Windows 11 Version 23H2", Set.of("3.5", "4.8.1")), Map.entry("Windows 11 Version 24H2", Set.of("3.5", "4.8.1")),
        Map.entry("Windows Server 2025", Set.of("3.5", "4.8.1")), Map.entry("Windows Server 2022", Set.of("3.5", "4.8")),
        Map.entry("Windows Server 2016", Set.of("3.5", "4.6.2")), Map.entry("Windows Server 2012 R2", Set.of("3.5", "4.5.1")),
        Map.entry("Windows 7", Set.of("3.5.1")), Map.entry("Windows Server 2008 R2", Set.of("3.5.1")));
    private static final List<String> ALWAYS_IN_BOX = List.of("Internet Explorer ", "Adobe Flash Player",
        "Microsoft Edge (EdgeHTML-based)", "Microsoft XML Core Services 3.0", "VBScript", "JScript", "Windows Script");
    private static final List<String> IN_OS_STREAM = List.of("Internet Explorer ", "Microsoft Edge (EdgeHTML-based)",
        "Microsoft XML Core Services 3.0", "VBScript", "JScript", "Windows Script");
    private static final List<String> SERVICED_APART = List.of(DOT_NET, "Flash", "Silverlight", "Antimalware",
        "Malware Protection");

    private record CatalogUpdate(String kb, String product, String component, LocalDate released, List<String> supersedes,
                                 boolean optional) {
    }

    private final Map<String, List<CatalogUpdate>> updatesByProduct = new HashMap<>();
    /** product|kb -> KBs superseding it for the product (the catalog's transitive closure). */
    private final Map<String, Set<String>> superseders = new HashMap<>();
    /** product|kb of every cumulative package, in its product's stream. */
    private final Set<String> cumulative = new HashSet<>();

    IndependentStates(Path catalogVersion) throws SQLException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT u.kb, u.product, u.component, u.released, u.supersedes,"
                + " u.severity, coalesce(c.cves, 0) AS cves FROM read_parquet('" + catalogVersion.resolve("updates")
                + "/**/*.parquet') u LEFT JOIN (SELECT kb, product, count(*) FILTER (WHERE cve LIKE 'CVE-%') AS cves FROM"
                + " read_parquet('" + catalogVersion.resolve("update_cves") + "/**/*.parquet') GROUP BY kb, product) c"
                + " ON c.kb = u.kb AND c.product = u.product")) {
                while (rows.next()) {
                    Array supersedes = rows.getArray("supersedes");
                    List<String> older = new ArrayList<>();
                    if (supersedes != null) {
                        for (Object kb : (Object[]) supersedes.getArray()) {
                            older.add((String) kb);
                        }
                    }
                    String product = rows.getString("product");
                    LocalDate released = rows.getObject("released", LocalDate.class);
                    boolean optional = newerOsFamily(product) && !product.contains(" on ") && rows.getLong("cves") == 0
                        && blank(rows.getString("severity")) && !isPatchTuesday(released);
                    CatalogUpdate update = new CatalogUpdate(rows.getString("kb"), product, rows.getString("component"),
                        released, older, optional);
                    updatesByProduct.computeIfAbsent(product, p -> new ArrayList<>()).add(update);
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT kb, product, superseded_by_kb FROM read_parquet('"
                + catalogVersion.resolve("update_supersedence") + "/**/*.parquet')")) {
                while (rows.next()) {
                    superseders.computeIfAbsent(rows.getString("product") + "|" + rows.getString("kb"), k -> new HashSet<>())
                        .add(rows.getString("superseded_by_kb"));
                }
            }
        }
        // the OS products first: an Internet Explorer update is cumulative unless it is one of its OS's security-only updates
        updatesByProduct.forEach((product, updates) -> {
            if (!product.contains(" on ")) {
                findCumulativePackages(product, updates);
            }
        });
        updatesByProduct.forEach((product, updates) -> {
            if (product.contains(" on ")) {
                findCumulativePackages(product, updates);
            }
        });
    }

    private void findCumulativePackages(String product, List<CatalogUpdate> updates) {
        Set<String> kbs = new HashSet<>();
        updates.forEach(update -> kbs.add(update.kb()));
        Set<String> superseding = new HashSet<>();
        Set<String> superseded = new HashSet<>();
        for (CatalogUpdate update : updates) {
            for (String older : update.supersedes()) {
                if (kbs.contains(older) && !older.equals(update.kb())) {
                    superseding.add(update.kb());
                    superseded.add(older);
                }
            }
        }
        String os = osOf(product);
        Set<String> shippingBrowser = new HashSet<>();
        for (String other : updatesByProduct.keySet()) {
            if (other.toLowerCase(Locale.ROOT).endsWith(" on " + os.toLowerCase(Locale.ROOT))
                && (other.startsWith("Internet Explorer ") || other.startsWith("Microsoft Edge (EdgeHTML-based)"))) {
                updatesByProduct.get(other).forEach(update -> shippingBrowser.add(update.kb()));
            }
        }
        LocalDate newestRollup = null;
        for (CatalogUpdate update : updates) {
            if ((superseding.contains(update.kb()) || superseded.contains(update.kb())) && !superseded.contains(update.kb())
                && (newestRollup == null || update.released().isAfter(newestRollup))) {
                newestRollup = update.released();
            }
        }
        String component = product.contains(" on ") ? product.substring(0, product.toLowerCase(Locale.ROOT).indexOf(" on ")) : "";
        for (CatalogUpdate update : updates) {
            boolean linked = superseding.contains(update.kb()) || superseded.contains(update.kb());
            boolean rollup = linked && (superseded.contains(update.kb()) || update.released().equals(newestRollup))
                && !update.released().isBefore(ROLLUPS_SINCE);
            boolean isCumulative;
            if (component.isEmpty()) {
                isCumulative = newerOsFamily(product) ? linked || shippingBrowser.contains(update.kb())
                    : rollupOsFamily(product) && rollup;
            } else if (component.startsWith("Adobe Flash Player") || component.startsWith("Microsoft Edge (EdgeHTML-based)")) {
                isCumulative = true;
            } else if (component.startsWith("Internet Explorer ")) {
                isCumulative = !securityOnlyOf(os, update);
            } else if (component.contains(DOT_NET)) {
                isCumulative = newerOsFamily(os) || linked && !update.released().isBefore(ROLLUPS_SINCE);
            } else {
                isCumulative = false;
            }
            if (isCumulative) {
                cumulative.add(product + "|" + update.kb());
            }
        }
    }

    /** Whether the update is also listed under the rollup OS as one of its security-only updates. */
    private boolean securityOnlyOf(String os, CatalogUpdate update) {
        if (!rollupOsFamily(os) || update.released().isBefore(ROLLUPS_SINCE)) {
            return false;
        }
        for (CatalogUpdate osUpdate : updatesByProduct.getOrDefault(os, List.of())) {
            if (osUpdate.kb().equals(update.kb())) {
                return !cumulative.contains(os + "|" + osUpdate.kb());
            }
        }
        return false;
    }

    /** update_id ("KB|product") -> state of every applicable update of every computer, per computer id. */
    Map<String, Map<String, String>> states(Map<String, LandingInventories.Inventory> inventories, Instant evaluatedAt,
                                            Duration staleness) {
        LocalDate today = LocalDate.ofInstant(evaluatedAt, ZoneOffset.UTC);
        Map<String, Map<String, String>> all = new TreeMap<>();
        for (LandingInventories.Inventory inventory : inventories.values()) {
            Map<String, String> states = new TreeMap<>();
            boolean stale = inventory.scannedAt().plus(staleness).isBefore(evaluatedAt);
            Set<String> installed = new HashSet<>();
            Set<String> pending = new HashSet<>();
            LocalDate bootDay = inventory.lastBootAt() == null ? null : LocalDate.ofInstant(inventory.lastBootAt(), ZoneOffset.UTC);
            inventory.installed().forEach((kb, on) -> {
                boolean waits = inventory.flaggedPending().contains(kb) || inventory.pendingReboot() && on != null
                    && bootDay != null && !on.isBefore(bootDay);
                (waits ? pending : installed).add(kb);
            });
            List<String> products = products(inventory.osProduct());
            Set<String> dotNetVersions = new HashSet<>();
            for (String product : products) {
                if (product.contains(DOT_NET)) {
                    dotNetVersions.addAll(versionsNamed(product.substring(0, product.toLowerCase(Locale.ROOT).indexOf(" on "))));
                }
            }
            for (String product : products) {
                for (CatalogUpdate update : updatesByProduct.getOrDefault(product, List.of())) {
                    if (update.released().isAfter(today) || update.optional()
                        || !dotNetComponentApplies(product, update, dotNetVersions)) {
                        continue;
                    }
                    String state = stale ? "UNKNOWN" : covered(update, installed, products) ? "INSTALLED"
                        : covered(update, pending, products) ? "INSTALLED_PENDING_REBOOT" : "REQUIRED";
                    states.put(update.kb() + "|" + product, state);
                }
            }
            all.put(inventory.computerId(), states);
        }
        return all;
    }

    private static boolean dotNetComponentApplies(String product, CatalogUpdate update, Set<String> computerVersions) {
        if (product.contains(" on ") || update.component() == null || !update.component().contains(DOT_NET)
            || computerVersions.isEmpty()) {
            return true;
        }
        Set<String> named = versionsNamed(update.component());
        return named.isEmpty() || named.stream().anyMatch(computerVersions::contains);
    }

    /** "Microsoft .NET Framework 3.5 AND 4.8" -> {3.5, 4.8}; "... 2.0 Service Pack 2" -> {2.0}; "4.0" is "4". */
    private static Set<String> versionsNamed(String name) {
        Set<String> versions = new HashSet<>();
        int at = name.indexOf(DOT_NET);
        if (at < 0) {
            return versions;
        }
        String text = name.substring(at + DOT_NET.length()).replaceAll("(?i)service pack \\d+", " ");
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\d+(\\.\\d+)*").matcher(text);
        while (matcher.find()) {
            versions.add(matcher.group().equals("4.0") ? "4" : matcher.group());
        }
        return versions;
    }

    private boolean covered(CatalogUpdate update, Set<String> kbs, List<String> products) {
        if (kbs.contains(update.kb())) {
            return true;
        }
        for (String superseder : superseders.getOrDefault(update.product() + "|" + update.kb(), Set.of())) {
            if (kbs.contains(superseder)) {
                return true;
            }
        }
        Set<String> streams = streamsOf(update);
        for (String product : products) {
            for (CatalogUpdate later : updatesByProduct.getOrDefault(product, List.of())) {
                if (kbs.contains(later.kb()) && cumulative.contains(product + "|" + later.kb())
                    && !later.released().isBefore(update.released())
                    && servicedBy(later).stream().anyMatch(streams::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The servicing streams an update belongs to. */
    private static Set<String> streamsOf(CatalogUpdate update) {
        Set<String> streams = servicedBy(update);
        String os = osOf(update.product());
        if (update.product().contains(" on ") && inOsStream(update) && (newerOsFamily(os) || rollupOsFamily(os))) {
            streams.add("os:" + os);
        }
        return streams;
    }

    /** The streams a cumulative package brings up to date: an Internet Explorer package its own product, not the OS. */
    private static Set<String> servicedBy(CatalogUpdate update) {
        String product = update.product();
        String os = osOf(product);
        Set<String> streams = new HashSet<>();
        if (!product.contains(" on ")) {
            streams.add(inOsStream(update) ? "os:" + os : apartKind(update.component()) + ":" + os);
            return streams;
        }
        streams.add("own:" + product);
        String apart = apartKind(product);
        if (!apart.equals("other")) {
            streams.add(apart + ":" + os);
        }
        return streams;
    }

    private static String apartKind(String name) {
        String text = name == null ? "" : name;
        return text.contains(DOT_NET) ? "dotnet" : text.contains("Flash") ? "flash" : "other";
    }

    private static boolean inOsStream(CatalogUpdate update) {
        String product = update.product();
        if (product.contains(" on ")) {
            for (String component : IN_OS_STREAM) {
                if (product.startsWith(component)) {
                    return true;
                }
            }
            return false;
        }
        boolean bulletinEra = rollupOsFamily(product) && update.released().isBefore(ROLLUPS_SINCE);
        if (bulletinEra) {
            return true;
        }
        String component = update.component() == null ? "" : update.component();
        for (String apart : SERVICED_APART) {
            if (component.contains(apart)) {
                return false;
            }
        }
        return true;
    }

    /** The OS product and the in-box components the catalog lists on it. */
    List<String> products(String osProduct) {
        List<String> products = new ArrayList<>();
        if (osProduct == null) {
            return products;
        }
        products.add(osProduct);
        String suffix = " on " + osProduct.toLowerCase(Locale.ROOT);
        for (String product : updatesByProduct.keySet()) {
            String lower = product.toLowerCase(Locale.ROOT);
            if (lower.endsWith(suffix) && inBox(product.substring(0, product.length() - suffix.length()), osProduct)) {
                products.add(product);
            }
        }
        return products;
    }

    private static String osOf(String product) {
        int on = product.toLowerCase(Locale.ROOT).indexOf(" on ");
        return on < 0 ? product : product.substring(on + 4);
    }

    private static boolean inBox(String component, String osProduct) {
        for (String always : ALWAYS_IN_BOX) {
            if (component.startsWith(always)) {
                return true;
            }
        }
        String prefix = "Microsoft .NET Framework ";
        if (!component.startsWith(prefix)) {
            return false;
        }
        Set<String> versions = IN_BOX_DOT_NET.entrySet().stream().filter(entry -> osProduct.startsWith(entry.getKey()))
            .map(Map.Entry::getValue).findFirst().orElse(Set.of());
        for (String part : component.substring(prefix.length()).trim().split("(?i)\\s+and\\s+")) {
            boolean any = false;
            for (String alternative : part.split("/")) {
                any |= versions.contains(alternative.trim());
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static boolean newerOsFamily(String product) {
        for (String family : List.of("Windows 10", "Windows 11", "Windows Server 2016", "Windows Server 2019",
            "Windows Server 2022", "Windows Server 2025", "Windows Server, version")) {
            if (product.startsWith(family)) {
                return true;
            }
        }
        return false;
    }

    private static boolean rollupOsFamily(String product) {
        for (String family : List.of("Windows 7", "Windows 8.1", "Windows RT 8.1", "Windows Server 2008 R2", "Windows Server 2012")) {
            if (product.startsWith(family)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPatchTuesday(LocalDate day) {
        return day.getDayOfWeek() == java.time.DayOfWeek.TUESDAY && day.getDayOfMonth() >= 8 && day.getDayOfMonth() <= 14;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank() || text.equalsIgnoreCase("unrated") || text.equalsIgnoreCase("none");
    }
}

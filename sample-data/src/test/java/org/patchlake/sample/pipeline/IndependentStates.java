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
 * Every computer x update state of a warehouse recomputed from DESIGN.md's words, with nothing of the project's state
 * rules (no core state or supersedence classes): the catalog is read from its Parquet files with DuckDB, the
 * computers' latest inventories from the landing files. Products: the OS product the agent reported and the in-box
 * components the catalog lists on it (Internet Explorer, Flash, EdgeHTML, MSXML 3.0, VBScript, JScript, Windows Script,
 * the .NET Framework versions that ship with the OS). An update of a product is INSTALLED when its KB, a KB that
 * supersedes it for the product (transitively), or a later cumulative update of the same product is installed (not
 * waiting for a restart); INSTALLED_PENDING_REBOOT when only a KB waiting for a restart covers it; REQUIRED otherwise;
 * UNKNOWN when the latest inventory is older than the staleness window. Updates released after the evaluation day do
 * not apply yet. Cumulative: DESIGN.md's families (Windows 10/11 and Server 2016+; the monthly rollups of Windows 7,
 * 8.1, 2008 R2, 2012 and 2012 R2 from October 2016; Internet Explorer; .NET per version; Flash and EdgeHTML), where an
 * update takes part in the product's supersedence (a security-only update, which neither supersedes nor is superseded,
 * is not cumulative); of the rollup families only what another update supersedes, and the newest, count (the data has
 * security-only updates that list a rollup: nothing supersedes them).
 */
final class IndependentStates {
    private static final LocalDate ROLLUPS_SINCE = LocalDate.of(2016, 10, 1);
    private static final Map<String, Set<String>> IN_BOX_DOT_NET = Map.ofEntries(
        Map.entry("Windows 10 Version 22H2", Set.of("3.5", "4.8")), Map.entry("Windows 10 Version 21H2", Set.of("3.5", "4.8")),
        Map.entry("Windows 10 Version 1809", Set.of("3.5", "4.7.2")), Map.entry("Windows Server 2019", Set.of("3.5", "4.7.2")),
        Map.entry("Windows 11 Version 23H2", Set.of("3.5", "4.8.1")), Map.entry("Windows 11 Version 24H2", Set.of("3.5", "4.8.1")),
        Map.entry("Windows Server 2025", Set.of("3.5", "4.8.1")), Map.entry("Windows Server 2022", Set.of("3.5", "4.8")),
        Map.entry("Windows Server 2016", Set.of("3.5", "4.6.2")), Map.entry("Windows Server 2012 R2", Set.of("3.5", "4.5.1")),
        Map.entry("Windows 7", Set.of("3.5.1")), Map.entry("Windows Server 2008 R2", Set.of("3.5.1")));
    private static final List<String> ALWAYS_IN_BOX = List.of("Internet Explorer ", "Adobe Flash Player",
        "Microsoft Edge (EdgeHTML-based)", "Microsoft XML Core Services 3.0", "VBScript", "JScript", "Windows Script");

    private record CatalogUpdate(String kb, String product, LocalDate released, List<String> supersedes) {
    }

    private final Map<String, List<CatalogUpdate>> updatesByProduct = new HashMap<>();
    /** product|kb -> KBs superseding it for the product (the catalog's transitive closure). */
    private final Map<String, Set<String>> superseders = new HashMap<>();
    private final Set<String> cumulative = new HashSet<>();

    IndependentStates(Path catalogVersion) throws SQLException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT kb, product, released, supersedes FROM read_parquet('"
                + catalogVersion.resolve("updates") + "/**/*.parquet')")) {
                while (rows.next()) {
                    Array supersedes = rows.getArray("supersedes");
                    List<String> older = new ArrayList<>();
                    if (supersedes != null) {
                        for (Object kb : (Object[]) supersedes.getArray()) {
                            older.add((String) kb);
                        }
                    }
                    CatalogUpdate update = new CatalogUpdate(rows.getString("kb"), rows.getString("product"),
                        rows.getObject("released", LocalDate.class), older);
                    updatesByProduct.computeIfAbsent(update.product(), p -> new ArrayList<>()).add(update);
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
        updatesByProduct.forEach((product, updates) -> {
            Set<String> linked = new HashSet<>();
            Set<String> kbs = new HashSet<>();
            updates.forEach(update -> kbs.add(update.kb()));
            for (CatalogUpdate update : updates) {
                for (String older : update.supersedes()) {
                    if (kbs.contains(older) && !older.equals(update.kb())) {
                        linked.add(older);
                        linked.add(update.kb());
                    }
                }
            }
            Set<String> superseded = new HashSet<>();
            LocalDate newestUnsuperseded = null;
            for (CatalogUpdate update : updates) {
                update.supersedes().stream().filter(kbs::contains).filter(older -> !older.equals(update.kb())).forEach(superseded::add);
            }
            for (CatalogUpdate update : updates) {
                if (linked.contains(update.kb()) && !superseded.contains(update.kb())
                    && (newestUnsuperseded == null || update.released().isAfter(newestUnsuperseded))) {
                    newestUnsuperseded = update.released();
                }
            }
            for (CatalogUpdate update : updates) {
                if (!linked.contains(update.kb()) || !cumulativeFamily(product, update.released())) {
                    continue;
                }
                // monthly rollups: each is superseded by the next; a package nothing supersedes is a security-only
                // update (not cumulative), unless it is the newest rollup
                if (rollupFamily(product) && !superseded.contains(update.kb()) && !update.released().equals(newestUnsuperseded)) {
                    continue;
                }
                cumulative.add(product + "|" + update.kb());
            }
        });
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
            for (String product : products(inventory.osProduct())) {
                for (CatalogUpdate update : updatesByProduct.getOrDefault(product, List.of())) {
                    if (update.released().isAfter(today)) {
                        continue;
                    }
                    String state = stale ? "UNKNOWN" : covered(update, installed) ? "INSTALLED"
                        : covered(update, pending) ? "INSTALLED_PENDING_REBOOT" : "REQUIRED";
                    states.put(update.kb() + "|" + product, state);
                }
            }
            all.put(inventory.computerId(), states);
        }
        return all;
    }

    private boolean covered(CatalogUpdate update, Set<String> kbs) {
        if (kbs.contains(update.kb())) {
            return true;
        }
        for (String superseder : superseders.getOrDefault(update.product() + "|" + update.kb(), Set.of())) {
            if (kbs.contains(superseder)) {
                return true;
            }
        }
        if (!cumulative.contains(update.product() + "|" + update.kb())) {
            return false;
        }
        for (CatalogUpdate later : updatesByProduct.get(update.product())) {
            if (kbs.contains(later.kb()) && cumulative.contains(update.product() + "|" + later.kb())
                && !later.released().isBefore(update.released())) {
                return true;
            }
        }
        return false;
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

    private static boolean cumulativeFamily(String product, LocalDate released) {
        if (product.startsWith("Internet Explorer ") || product.startsWith("Microsoft .NET Framework ")
            || product.startsWith("Adobe Flash Player") || product.startsWith("Microsoft Edge (EdgeHTML-based)")) {
            return true;
        }
        for (String family : List.of("Windows 10", "Windows 11", "Windows Server 2016", "Windows Server 2019",
            "Windows Server 2022", "Windows Server 2025", "Windows Server, version")) {
            if (product.startsWith(family)) {
                return true;
            }
        }
        return rollupFamily(product) && !released.isBefore(ROLLUPS_SINCE);
    }

    private static boolean rollupFamily(String product) {
        for (String family : List.of("Windows 7", "Windows 8.1", "Windows RT 8.1", "Windows Server 2008 R2", "Windows Server 2012")) {
            if (product.startsWith(family)) {
                return true;
            }
        }
        return false;
    }
}

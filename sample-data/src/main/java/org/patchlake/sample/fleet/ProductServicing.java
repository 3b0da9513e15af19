package org.patchlake.sample.fleet;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.Update;

/**
 * The updates of one catalog product as Windows services them: cumulative lines, each a chain of packages where a newer
 * one contains the older ones (Windows 10/11 and Server 2016+ cumulative updates, the monthly rollups of Windows 7, 8.1,
 * 2008 R2, 2012 and 2012 R2 since October 2016, Internet Explorer and .NET cumulative updates, Flash and EdgeHTML: the
 * families of DESIGN.md), and the standalone updates installed one by one (security-only updates among them). A line is
 * a set of packages of such a family joined by the catalog's supersedence (so the rollup chain and Internet Explorer's
 * chain on Windows 7 stay two lines; of the rollup families' packages only those a later one supersedes and the newest:
 * a security-only update that lists a rollup is not one of them); the generator installs the newest package of each
 * line, as machines do.
 */
final class ProductServicing {
    /** Packages of one cumulative line, oldest first. */
    record Line(String key, List<Update> packages) {
        Line {
            requireNonNull(key, "key is null");
            packages = List.copyOf(packages);
        }

        /** The newest package released on or before {@code day}, or null. */
        Update newestBy(LocalDate day) {
            Update newest = null;
            for (Update update : packages) {
                if (update.released().isAfter(day)) {
                    break;
                }
                newest = update;
            }
            return newest;
        }

        /** The newest out-of-band package (released on another day than Patch Tuesday) on or before {@code day}, or null. */
        Update newestOutOfBandBy(LocalDate day) {
            Update newest = null;
            for (Update update : packages) {
                if (update.released().isAfter(day)) {
                    break;
                }
                if (!isPatchTuesday(update.released())) {
                    newest = update;
                }
            }
            return newest;
        }
    }

    private static final LocalDate ROLLUPS_SINCE = LocalDate.of(2016, 10, 1);

    private final String product;
    private final List<Line> lines;
    private final List<Update> standalone;
    private final Map<String, String> lineOfKb;

    private ProductServicing(String product, List<Line> lines, List<Update> standalone, Map<String, String> lineOfKb) {
        this.product = product;
        this.lines = List.copyOf(lines);
        this.standalone = List.copyOf(standalone);
        this.lineOfKb = Map.copyOf(lineOfKb);
    }

    static ProductServicing of(Catalog catalog, String product) {
        List<Update> updates = catalog.updatesForProduct(product);
        Map<String, Update> family = new HashMap<>();
        for (Update update : updates) {
            if (cumulativeFamily(product, update.released())) {
                family.put(update.kb(), update);
            }
        }
        Map<String, String> parent = new HashMap<>();
        family.keySet().forEach(kb -> parent.put(kb, kb));
        Map<String, Boolean> linked = new HashMap<>();
        for (Update update : family.values()) {
            for (String older : update.supersedes()) {
                if (family.containsKey(older) && !older.equals(update.kb())) {
                    parent.put(root(parent, older), root(parent, update.kb()));
                    linked.put(older, true);
                    linked.put(update.kb(), true);
                }
            }
        }
        Map<String, List<Update>> byRoot = new HashMap<>();
        List<Update> standalone = new ArrayList<>();
        for (Update update : updates) {
            if (linked.containsKey(update.kb())) {
                byRoot.computeIfAbsent(root(parent, update.kb()), k -> new ArrayList<>()).add(update);
            } else {
                standalone.add(update);
            }
        }
        Comparator<Update> byRelease = Comparator.comparing(Update::released).thenComparing(Update::kb);
        if (rollupFamily(product)) {
            // a monthly rollup is superseded by the next one; of the packages nothing supersedes, only the newest heads
            // the chain: an older one is a side branch (the data has security-only updates that list a rollup they
            // replace), and security-only updates are not cumulative
            for (List<Update> packages : byRoot.values()) {
                List<Update> unsuperseded = packages.stream().filter(update -> !supersededWithin(update, packages)).toList();
                Update head = unsuperseded.stream().max(byRelease).orElseThrow();
                for (Update sideBranch : unsuperseded) {
                    if (sideBranch != head) {
                        packages.remove(sideBranch);
                        standalone.add(sideBranch);
                    }
                }
            }
            for (List<Update> packages : List.copyOf(byRoot.values())) {
                if (packages.size() < 2) {
                    standalone.addAll(packages);
                    byRoot.values().remove(packages);
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        Map<String, String> lineOfKb = new HashMap<>();
        for (List<Update> packages : byRoot.values()) {
            packages.sort(byRelease);
            String key = "cumulative " + packages.get(0).kb();
            lines.add(new Line(key, packages));
            packages.forEach(update -> lineOfKb.put(update.kb(), key));
        }
        lines.sort(Comparator.comparing(Line::key));
        standalone.sort(byRelease);
        return new ProductServicing(product, lines, standalone, lineOfKb);
    }

    private static boolean supersededWithin(Update update, List<Update> packages) {
        for (Update other : packages) {
            if (other != update && other.supersedes().contains(update.kb())) {
                return true;
            }
        }
        return false;
    }

    private static boolean rollupFamily(String product) {
        return product.startsWith("Windows 7") || product.startsWith("Windows 8.1") || product.startsWith("Windows RT 8.1")
            || product.startsWith("Windows Server 2008 R2") || product.startsWith("Windows Server 2012");
    }

    private static String root(Map<String, String> parent, String kb) {
        String root = kb;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(kb, root);
        return root;
    }

    /** Whether DESIGN.md's cumulative servicing covers updates of this product released on this day. */
    static boolean cumulativeFamily(String product, LocalDate released) {
        if (product.startsWith("Internet Explorer ") || product.startsWith("Microsoft .NET Framework ")
            || product.startsWith("Adobe Flash Player") || product.startsWith("Microsoft Edge (EdgeHTML-based)")) {
            return true;
        }
        if (product.startsWith("Windows 10") || product.startsWith("Windows 11") || product.startsWith("Windows Server 2016")
            || product.startsWith("Windows Server 2019") || product.startsWith("Windows Server 2022")
            || product.startsWith("Windows Server 2025") || product.startsWith("Windows Server, version")) {
            return true;
        }
        return rollupFamily(product) && !released.isBefore(ROLLUPS_SINCE);
    }

    static boolean isPatchTuesday(LocalDate day) {
        return day.equals(day.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY)));
    }

    String product() {
        return product;
    }

    List<Line> lines() {
        return lines;
    }

    List<Update> standalone() {
        return standalone;
    }

    /** The line of a KB of this product, or null when it is installed on its own. */
    String lineOf(String kb) {
        return lineOfKb.get(kb);
    }
}

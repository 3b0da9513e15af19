package org.patchlake.core.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.patchlake.core.catalog.CumulativeRole.Kind;
import org.patchlake.core.catalog.CumulativeRole.Scope;
import org.patchlake.core.catalog.ServicedProduct.Component;
import org.patchlake.core.catalog.ServicedProduct.OsServicing;

/**
 * Works out from the catalog's own data which updates are cumulative packages (the catalog has no "cumulative"
 * column, and its titles are vulnerability titles). Runs once per import, over the whole catalog; needs the
 * updates' vulnerability ids. Rules, per product:
 * <ul>
 * <li><b>Windows 10 / 11 / Server 2016+</b>: a cumulative update is an update of the OS product that also ships
 *     Internet Explorer or EdgeHTML on it, or that carries the most vulnerability ids of its Patch Tuesday for
 *     the product (at least {@value #MIN_MONTHLY_IDS}, and at least half the day's most: hotpatch twins
 *     count), or that supersedes a cumulative update (out-of-band releases). An update of the OS product
 *     released between Patch Tuesdays that carries only advisories (no CVE) and no severity is an optional
 *     preview release (February 2019's KB4487029 for ADV190005).</li>
 * <li><b>Windows 7 / 8.1 / 2008 R2 / 2012 / 2012 R2</b> (from October 2016): each Patch Tuesday brings a monthly
 *     rollup and its security-only twin with the same vulnerabilities. The rollup is the one that supersedes an
 *     earlier rollup (directly or through the out-of-band releases it supersedes); when none does, the only one
 *     that supersedes anything, or else the one that also ships Internet Explorer and is listed for more
 *     products than its twin. Security-only updates are not cumulative.</li>
 * <li><b>Adobe Flash Player, EdgeHTML</b> on an OS: every update (each replaces the whole component).</li>
 * <li><b>Internet Explorer</b> on an OS: every update, except the security-only updates of a rollup OS that are
 *     listed for it.</li>
 * <li><b>.NET Framework</b> on Windows 10+: every update (.NET cumulative updates, and the OS cumulative updates
 *     that carried .NET fixes). On a rollup OS: the Security and Quality Rollups, i.e. the .NET updates since
 *     October 2016 that supersede a KB of that era, for any .NET version (the security-only twins supersede
 *     nothing of it), and, once the twins stop (the 2012 / 2012 R2 extended security updates), the only .NET
 *     package of each day.</li>
 * <li><b>Flash Player listed under the OS product</b> itself: every such update.</li>
 * </ul>
 */
public final class CumulativeClassifier {
    /** A Patch Tuesday update carrying fewer ids than this is never taken for the month's cumulative update by count alone. */
    static final int MIN_MONTHLY_IDS = 5;

    private final Map<String, List<Update>> byProduct = new LinkedHashMap<>();
    private final Map<String, List<Update>> byKb = new HashMap<>();
    private final List<CumulativeRole> roles = new ArrayList<>();
    /** OS key -> KBs that are security-only updates of a rollup OS. */
    private final Map<String, Set<String>> securityOnly = new HashMap<>();

    private CumulativeClassifier(Collection<Update> updates) {
        for (Update update : updates) {
            byProduct.computeIfAbsent(update.product(), product -> new ArrayList<>()).add(update);
            byKb.computeIfAbsent(update.kb(), kb -> new ArrayList<>()).add(update);
        }
    }

    /** The cumulative roles of a catalog's updates (deterministic: the same updates give the same roles). */
    public static List<CumulativeRole> classify(Collection<Update> updates) {
        CumulativeClassifier classifier = new CumulativeClassifier(updates);
        classifier.run();
        return List.copyOf(classifier.roles);
    }

    private void run() {
        Map<String, ServicedProduct> serviced = new TreeMap<>();
        byProduct.keySet().forEach(product -> serviced.put(product, ServicedProduct.of(product)));
        serviced.forEach((product, kind) -> {
            if (kind.component() == Component.OS) {
                if (kind.osKind() == OsServicing.CUMULATIVE_UPDATES) {
                    new CumulativeUpdates(product).classify();
                } else {
                    new MonthlyRollups(product).classify();
                }
                flashUnderOs(product);
            }
        });
        serviced.forEach((product, kind) -> {
            if (kind.component() != Component.OS && kind.osKind() != OsServicing.NONE) {
                component(product, kind);
            }
        });
    }

    private void component(String product, ServicedProduct kind) {
        List<Update> updates = byProduct.get(product);
        boolean rollupOs = kind.osKind() == OsServicing.MONTHLY_ROLLUPS;
        switch (kind.component()) {
            case FLASH -> all(updates, "Adobe Flash Player package (each replaces the whole player)");
            case EDGE_HTML -> all(updates, "EdgeHTML ships only in the cumulative updates of " + kind.os());
            case INTERNET_EXPLORER -> {
                Set<String> excluded = securityOnly.getOrDefault(ServicingStreams.key(kind.os()), Set.of());
                for (Update update : updates) {
                    if (!excluded.contains(update.kb())) {
                        add(update, Kind.CUMULATIVE, Scope.PRODUCT, rollupOs
                                ? "Internet Explorer cumulative update or monthly rollup of " + kind.os()
                                : "Internet Explorer on " + kind.os() + " ships only in its cumulative updates");
                    }
                }
            }
            case DOT_NET -> {
                if (!rollupOs) {
                    all(updates, ".NET Framework cumulative update for " + kind.os());
                } else {
                    dotNetRollups(updates);
                }
            }
            default -> { }
        }
    }

    private void all(List<Update> updates, String reason) {
        updates.forEach(update -> add(update, Kind.CUMULATIVE, Scope.PRODUCT, reason));
    }

    private void dotNetRollups(List<Update> updates) {
        Map<LocalDate, List<Update>> days = byDate(updates, ServicingStreams.ROLLUP_ERA);
        LocalDate lastTwins = LocalDate.MIN;
        for (Map.Entry<LocalDate, List<Update>> day : days.entrySet()) {
            if (hasTwins(day.getValue())) {
                lastTwins = day.getKey();
            }
        }
        for (Map.Entry<LocalDate, List<Update>> day : days.entrySet()) {
            for (Update update : day.getValue()) {
                String superseded = update.supersedes().stream()
                        .filter(kb -> !kb.equals(update.kb()) && isRollupEra(kb)).findFirst().orElse(null);
                if (superseded != null) {
                    add(update, Kind.CUMULATIVE, Scope.PRODUCT, ".NET Framework Security and Quality Rollup (supersedes " + superseded + ")");
                } else if (day.getValue().size() == 1 && day.getKey().isAfter(lastTwins) && lastTwins.isAfter(LocalDate.MIN)) {
                    add(update, Kind.CUMULATIVE, Scope.PRODUCT, ".NET Framework rollup (the only .NET package of its day"
                            + " since security-only twins stopped after " + lastTwins + ")");
                }
            }
        }
    }

    /** Whether two updates of one day share a vulnerability (a rollup and its security-only twin). */
    private static boolean hasTwins(List<Update> day) {
        Set<String> seen = new HashSet<>();
        for (Update update : day) {
            for (String id : new HashSet<>(update.cves())) {
                if (!seen.add(id)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a KB (for any product: .NET rollups supersede across the .NET versions they ship) is of the rollup era. */
    private boolean isRollupEra(String kb) {
        return byKb.getOrDefault(kb, List.of()).stream().anyMatch(update -> !update.released().isBefore(ServicingStreams.ROLLUP_ERA));
    }

    private void flashUnderOs(String product) {
        for (Update update : byProduct.get(product)) {
            if (ServicingStreams.isFlashUnderOs(update)) {
                add(update, Kind.CUMULATIVE, Scope.FLASH_ON_OS, "Adobe Flash Player package listed under " + product);
            }
        }
    }

    private void add(Update update, Kind kind, Scope scope, String reason) {
        roles.add(new CumulativeRole(update.kb(), update.product(), kind, scope, reason));
    }

    /** Whether {@code kb} is also listed for Internet Explorer (or EdgeHTML, when {@code edge}) on the OS {@code osKey}. */
    private boolean shipsBrowser(String kb, String osKey, boolean edge) {
        for (Update other : byKb.getOrDefault(kb, List.of())) {
            ServicedProduct kind = ServicedProduct.of(other.product());
            if (kind.os() != null && ServicingStreams.key(kind.os()).equals(osKey)
                    && (kind.component() == Component.INTERNET_EXPLORER || edge && kind.component() == Component.EDGE_HTML)) {
                return true;
            }
        }
        return false;
    }

    /** Out-of-band releases chain at most this many KBs deep between two monthly releases. */
    private static final int SUPERSEDES_DEPTH = 4;

    /**
     * A KB of {@code among} that {@code update} supersedes, directly or through the updates it supersedes (at most
     * {@value #SUPERSEDES_DEPTH} deep): for its product, or, where a superseded KB is not listed for that product (an
     * out-of-band release listed for a sibling edition only), for any product of that KB; null when none.
     */
    private String supersededAmong(Update update, Map<String, Update> productByKb, Set<String> among) {
        List<String> level = update.supersedes();
        Set<String> seen = new HashSet<>();
        for (int depth = 0; depth < SUPERSEDES_DEPTH && !level.isEmpty(); depth++) {
            String hit = level.stream().filter(kb -> among.contains(kb) && !kb.equals(update.kb())).sorted().findFirst().orElse(null);
            if (hit != null) {
                return hit;
            }
            List<String> next = new ArrayList<>();
            for (String kb : level) {
                if (!seen.add(kb)) {
                    continue;
                }
                Update superseded = productByKb.get(kb);
                if (superseded != null) {
                    next.addAll(superseded.supersedes());
                } else {
                    byKb.getOrDefault(kb, List.of()).forEach(other -> next.addAll(other.supersedes()));
                }
            }
            level = next;
        }
        return null;
    }

    private Map<String, Update> byKbOn(String product) {
        Map<String, Update> map = new HashMap<>();
        byProduct.get(product).forEach(update -> map.put(update.kb(), update));
        return map;
    }

    static boolean isPatchTuesday(LocalDate date) {
        return date.equals(date.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY)));
    }

    private static Map<LocalDate, List<Update>> byDate(List<Update> updates, LocalDate from) {
        Map<LocalDate, List<Update>> byDate = new TreeMap<>();
        for (Update update : updates) {
            if (!update.released().isBefore(from)) {
                byDate.computeIfAbsent(update.released(), date -> new ArrayList<>()).add(update);
            }
        }
        return byDate;
    }

    private static int mostIds(List<Update> updates) {
        return updates.stream().mapToInt(update -> update.cves().size()).max().orElse(0);
    }

    private static boolean hasCve(Update update) {
        return update.cves().stream().anyMatch(id -> id.startsWith("CVE-"));
    }

    /** Windows 10 / 11 / Server 2016+: the monthly cumulative updates of one OS product. */
    private final class CumulativeUpdates {
        private final String product;
        private final String osKey;
        private final Set<String> cumulative = new HashSet<>();

        CumulativeUpdates(String product) {
            this.product = product;
            this.osKey = ServicingStreams.key(product);
        }

        void classify() {
            Map<String, Update> onProduct = byKbOn(product);
            for (Map.Entry<LocalDate, List<Update>> day : byDate(byProduct.get(product), LocalDate.MIN).entrySet()) {
                int most = mostIds(day.getValue());
                boolean patchTuesday = isPatchTuesday(day.getKey());
                List<Update> pending = new ArrayList<>();
                for (Update update : day.getValue()) {
                    if (shipsBrowser(update.kb(), osKey, true)) {
                        mark(update, "cumulative update of " + product + " (also ships Internet Explorer / EdgeHTML on it)");
                    } else if (patchTuesday && update.cves().size() >= Math.max(MIN_MONTHLY_IDS, (most + 1) / 2)) {
                        mark(update, "cumulative update of " + product + " (carries the Patch Tuesday's OS vulnerabilities)");
                    } else {
                        pending.add(update);
                    }
                }
                Map<String, List<Update>> supersedingOnDay = new HashMap<>();
                pending.forEach(update -> update.supersedes().forEach(kb -> supersedingOnDay.computeIfAbsent(kb, key -> new ArrayList<>()).add(update)));
                List<Update> marked = new ArrayList<>();
                for (Update update : pending) {
                    String superseded = supersededAmong(update, onProduct, cumulative);
                    if (superseded != null && markSuperseding(update, superseded)) {
                        marked.add(update);
                    }
                }
                for (int next = 0; next < marked.size(); next++) {
                    Update done = marked.get(next);
                    for (Update update : supersedingOnDay.getOrDefault(done.kb(), List.of())) {
                        if (!cumulative.contains(update.kb()) && markSuperseding(update, done.kb())) {
                            marked.add(update);
                        }
                    }
                }
                pending.removeAll(marked);
                for (Update update : pending) {
                    if (!patchTuesday && !update.cves().isEmpty() && !hasCve(update) && update.severity() == Severity.UNRATED
                            && !ServicingStreams.streamsOf(update).isEmpty()) {
                        add(update, Kind.OPTIONAL_CUMULATIVE, Scope.OS_STREAM, "optional release of " + product
                                + " between Patch Tuesdays (an advisory only: no CVE, no severity): never required");
                    }
                }
            }
        }

        private boolean markSuperseding(Update update, String superseded) {
            return mark(update, "cumulative update of " + product + " (supersedes cumulative update " + superseded
                    + ", directly or through out-of-band releases)");
        }

        private boolean mark(Update update, String reason) {
            if (ServicingStreams.streamsOf(update).stream().noneMatch(stream -> stream.scope() == Scope.OS_STREAM)) {
                return false; // a separately serviced component listed under the OS product
            }
            cumulative.add(update.kb());
            add(update, Kind.CUMULATIVE, Scope.OS_STREAM, reason);
            return true;
        }
    }

    /** Windows 7 / 8.1 / 2008 R2 / 2012 / 2012 R2: the monthly rollups of one OS product. */
    private final class MonthlyRollups {
        private final String product;
        private final String osKey;
        private final Set<String> rollups = new HashSet<>();

        MonthlyRollups(String product) {
            this.product = product;
            this.osKey = ServicingStreams.key(product);
        }

        void classify() {
            Set<String> securityOnlyKbs = securityOnly.computeIfAbsent(osKey, key -> new HashSet<>());
            Map<String, Update> onProduct = byKbOn(product);
            for (List<Update> day : byDate(byProduct.get(product), ServicingStreams.ROLLUP_ERA).values()) {
                int most = mostIds(day);
                List<Update> main = day.stream().filter(update -> update.cves().size() >= Math.max(1, (most + 1) / 2))
                        .filter(update -> !ServicingStreams.isSeparatelyServiced(update.component())).toList();
                List<Update> found = new ArrayList<>();
                for (Update update : main) {
                    String superseded = supersededAmong(update, onProduct, rollups);
                    if (superseded != null) {
                        found.add(update);
                        add(update, Kind.CUMULATIVE, Scope.OS_STREAM, "monthly rollup of " + product
                                + " (supersedes monthly rollup " + superseded + ", directly or through out-of-band releases)");
                    }
                }
                if (found.isEmpty() && main.size() > 1) {
                    List<Update> superseding = main.stream().filter(update -> !update.supersedes().isEmpty()).toList();
                    if (superseding.size() == 1) {
                        found.add(superseding.get(0));
                        add(superseding.get(0), Kind.CUMULATIVE, Scope.OS_STREAM, "monthly rollup of " + product
                                + " (supersedes earlier releases; its security-only twin supersedes nothing)");
                    }
                }
                if (found.isEmpty() && main.size() > 1) {
                    Update widest = widestShippingBrowser(main);
                    if (widest != null) {
                        found.add(widest);
                        add(widest, Kind.CUMULATIVE, Scope.OS_STREAM, "monthly rollup of " + product
                                + " (ships Internet Explorer and is listed for more products than its security-only twin)");
                    }
                }
                found.forEach(update -> rollups.add(update.kb()));
                if (!found.isEmpty()) {
                    main.stream().filter(update -> !found.contains(update)).forEach(update -> securityOnlyKbs.add(update.kb()));
                }
            }
        }

        /** The update listed for strictly more products than every other, if it also ships Internet Explorer; else null. */
        private Update widestShippingBrowser(List<Update> main) {
            Update widest = null;
            int widestCount = -1;
            boolean tie = false;
            for (Update update : main) {
                int count = byKb.get(update.kb()).size();
                if (count > widestCount) {
                    widest = update;
                    widestCount = count;
                    tie = false;
                } else if (count == widestCount) {
                    tie = true;
                }
            }
            return !tie && widest != null && shipsBrowser(widest.kb(), osKey, false) ? widest : null;
        }
    }

    @Override
    public String toString() {
        return "CumulativeClassifier[" + byProduct.size() + " products, " + roles.size() + " roles]";
    }
}

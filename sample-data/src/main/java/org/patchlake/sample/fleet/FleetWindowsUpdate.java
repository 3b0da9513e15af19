package org.patchlake.sample.fleet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.patchlake.agent.endpoint.SimulatedMachine;
import org.patchlake.agent.endpoint.WindowsUpdateOffers;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.Severity;
import org.patchlake.core.catalog.Update;
import org.patchlake.core.state.ComputerFacts;
import org.patchlake.core.state.StateDeriver;
import org.patchlake.core.state.StatePolicy;
import org.patchlake.core.state.UpdateState;

/**
 * What the fleet's Windows Update Agents know: one set of offers per product, shared by every machine (written once
 * beside the fleet; coverage as the catalog's servicing model has it, which the project measured against real Windows
 * Update lists, docs/design.md), and per machine its products and the few ways it differs from the catalog on purpose, so the
 * Detection agreement report has rows: an update the catalog lacks, an applicable update declined on the update server,
 * a search that fails, and definition updates (not security updates: never compared).
 */
final class FleetWindowsUpdate {
    static final double SEARCH_FAILS = 0.01;
    static final double UPDATE_NOT_IN_CATALOG = 0.02;
    static final double UPDATE_DECLINED = 0.015;
    static final double DEFINITION_UPDATES = 0.3;
    static final String SEARCH_ERROR = "0x8024402C";
    private static final String[] NOT_IN_CATALOG = {"Microsoft Visual C++ 2015-2022 Redistributable (x64)",
        "Microsoft OLE DB Driver 19 for SQL Server", "Microsoft Edge WebView2 Runtime", "Windows Malicious Software Removal Tool"};

    private final WindowsUpdateOffers offers;
    private final Map<String, ProductServicing> servicing;
    private final long firstMissingKb;

    /**
     * @param servicing      per product, its cumulative lines as machines install them
     * @param productsByOs   per operating system, the catalog products its machines have
     */
    FleetWindowsUpdate(Catalog catalog, Map<String, ProductServicing> servicing, Map<OperatingSystem, List<String>> productsByOs) {
        this.servicing = Map.copyOf(servicing);
        // an update Patchlake never derives for a machine with these products (an optional preview, a bulletin-era .NET
        // row for a version it lacks) is no security update Windows Update would offer it either
        StateDeriver deriver = new StateDeriver(catalog, StatePolicy.defaults());
        Instant someday = Instant.parse("2999-01-01T00:00:00Z");
        Map<String, List<WindowsUpdateOffers.Offer>> byProduct = new HashMap<>();
        productsByOs.forEach((os, products) -> {
            ComputerFacts machine = ComputerFacts.scanned("offers", Set.copyOf(products), Set.of(), someday);
            for (String product : products) {
                byProduct.computeIfAbsent(product, name -> offers(catalog, deriver, machine, name, someday));
            }
        });
        this.offers = new WindowsUpdateOffers(byProduct);
        long highest = 0;
        for (String kb : catalog.kbs()) {
            String digits = kb.startsWith("KB") ? kb.substring(2) : kb;
            if (!digits.isEmpty() && digits.length() <= 9 && digits.chars().allMatch(Character::isDigit)) {
                highest = Math.max(highest, Long.parseLong(digits));
            }
        }
        this.firstMissingKb = highest + 101;
    }

    WindowsUpdateOffers offers() {
        return offers;
    }

    /** A product's offers: every update Patchlake derives for it, with the KBs that cover it by the catalog's servicing. */
    private static List<WindowsUpdateOffers.Offer> offers(Catalog catalog, StateDeriver deriver, ComputerFacts machine,
                                                          String product, Instant someday) {
        List<WindowsUpdateOffers.Offer> list = new ArrayList<>();
        for (Update update : catalog.updatesForProduct(product)) {
            boolean optional = catalog.servicing().isOptional(update);
            if (!optional && deriver.stateOf(update, machine, someday).state() == UpdateState.NOT_APPLICABLE) {
                continue;
            }
            boolean cumulative = catalog.servicing().role(update.kb(), product).isPresent();
            list.add(new WindowsUpdateOffers.Offer(update.kb(), title(update, cumulative),
                optional ? "Updates" : "Security Updates",
                update.severity() == Severity.UNRATED ? null : update.severity().label(), update.released(),
                List.copyOf(new java.util.TreeSet<>(catalog.coveredBy(update.kb(), product)))));
        }
        return list;
    }

    /** How one machine's Windows Update Agent answers: its products, and now and then a deliberate difference. */
    SimulatedMachine.WindowsUpdate setup(List<String> products, Map<String, LocalDate> installed, LocalDate today,
                                         Random random) {
        double draw = random.nextDouble();
        if (draw < SEARCH_FAILS) {
            return new SimulatedMachine.WindowsUpdate(products, null, null, SEARCH_ERROR);
        }
        List<WindowsUpdateOffers.Offer> extra = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        if (draw < SEARCH_FAILS + UPDATE_NOT_IN_CATALOG) {
            int which = random.nextInt(NOT_IN_CATALOG.length);
            LocalDate released = today.minusDays(Weighted.between(random, 3, 40));
            String kb = "KB" + (firstMissingKb + which);
            extra.add(new WindowsUpdateOffers.Offer(kb, String.format(Locale.ROOT, "%d-%02d Security Update for %s (%s)",
                released.getYear(), released.getMonthValue(), NOT_IN_CATALOG[which], kb), "Security Updates", "Important",
                released, null));
        } else if (draw < SEARCH_FAILS + UPDATE_NOT_IN_CATALOG + UPDATE_DECLINED) {
            String declined = missingKb(products, installed, today);
            if (declined != null) {
                hidden.add(declined);
            }
        }
        if (random.nextDouble() < DEFINITION_UPDATES) {
            LocalDate released = today.minusDays(random.nextInt(2));
            extra.add(new WindowsUpdateOffers.Offer("KB2267602", "Security Intelligence Update for Microsoft Defender Antivirus - "
                + "KB2267602 (Version 1.4" + (released.getDayOfYear() % 10) + "1." + released.getDayOfYear() + ".0)",
                "Definition Updates", null, released, null));
        }
        return new SimulatedMachine.WindowsUpdate(products, extra, hidden, null);
    }

    /** An update Windows Update would list for the machine: the newest package of a line it lacks, else a standalone one. */
    private String missingKb(List<String> products, Map<String, LocalDate> installed, LocalDate today) {
        String standalone = null;
        for (String product : products) {
            ProductServicing lines = servicing.get(product);
            if (lines == null) {
                continue;
            }
            for (ProductServicing.Line line : lines.lines()) {
                Update newest = line.newestBy(today);
                if (newest != null && !installedOnOrBefore(installed, newest.kb(), today)) {
                    return newest.kb();
                }
            }
            for (Update update : lines.standalone()) {
                if (standalone == null && !update.released().isAfter(today) && !installed.containsKey(update.kb())) {
                    standalone = update.kb();
                }
            }
        }
        return standalone;
    }

    private static boolean installedOnOrBefore(Map<String, LocalDate> installed, String kb, LocalDate day) {
        LocalDate on = installed.get(kb);
        return on != null && !on.isAfter(day);
    }

    /** A title as Windows Update shows it: "2026-05 Cumulative Update for Windows 11 Version 24H2 ... (KB5058411)". */
    private static String title(Update update, boolean cumulative) {
        return String.format(Locale.ROOT, "%d-%02d %s for %s (%s)", update.released().getYear(), update.released().getMonthValue(),
            cumulative ? "Cumulative Update" : "Security Update", update.product(), update.kb());
    }
}

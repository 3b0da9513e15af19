package org.patchlake.core.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, deterministic catalog for demos and fast tests (same content on every call). Three products; over
 * two years (January 2024 to November 2025) a cumulative update every other Patch Tuesday per product, each
 * superseding the previous one of its product (chains of 12), plus standalone updates: a .NET Framework
 * update shared by all three products, a servicing stack update, a Defender platform update, an Unrated
 * advisory. Severities Critical to Unrated, some exploited. KB numbers are fictional (KB59xxxxx), titles say
 * "generated".
 */
public final class GeneratedCatalog {
    public static final String WINDOWS_10_22H2_X64 = "Windows 10 Version 22H2 for x64-based Systems";
    public static final String WINDOWS_SERVER_2019 = "Windows Server 2019";
    public static final String WINDOWS_11_23H2_X64 = "Windows 11 Version 23H2 for x64-based Systems";
    public static final List<String> PRODUCTS = List.of(WINDOWS_10_22H2_X64, WINDOWS_SERVER_2019, WINDOWS_11_23H2_X64);

    private static final LocalDate FIRST_RELEASE_MONTH = LocalDate.of(2024, 1, 1);
    private static final int RELEASES = 12;
    private static final Severity[] CUMULATIVE_SEVERITIES = {
        Severity.CRITICAL, Severity.IMPORTANT, Severity.CRITICAL, Severity.IMPORTANT, Severity.IMPORTANT,
        Severity.CRITICAL, Severity.IMPORTANT, Severity.CRITICAL, Severity.IMPORTANT, Severity.CRITICAL,
        Severity.IMPORTANT, Severity.CRITICAL};
    private static final String[] IMPACTS = {"Remote Code Execution", "Elevation of Privilege",
        "Information Disclosure", "Security Feature Bypass"};

    private GeneratedCatalog() {
    }

    /** The generated catalog, bulletins derived from the updates. */
    public static Catalog create() {
        return asImport().catalog();
    }

    /** The generated catalog as an import result (source "generated", no errors). */
    public static CatalogImport asImport() {
        List<Update> updates = new ArrayList<>();
        Map<String, BulletinDetails> details = new HashMap<>();
        for (int productIndex = 0; productIndex < PRODUCTS.size(); productIndex++) {
            addCumulativeChain(PRODUCTS.get(productIndex), productIndex, updates, details);
        }
        addStandalone(updates, details);
        return new CatalogImport("generated", List.of(), 0, 0, Catalog.fromUpdates(updates, details), List.of());
    }

    /** Second Tuesday of the month of {@code month}. */
    static LocalDate patchTuesday(LocalDate month) {
        return month.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
    }

    /** KB of the cumulative update of release {@code release} (0..11) for product {@code productIndex}. */
    public static String cumulativeKb(int productIndex, int release) {
        return "KB59" + (productIndex + 1) + String.format("%04d", (release + 1) * 10);
    }

    private static void addCumulativeChain(String product, int productIndex, List<Update> updates,
            Map<String, BulletinDetails> details) {
        for (int release = 0; release < RELEASES; release++) {
            LocalDate released = patchTuesday(FIRST_RELEASE_MONTH.plusMonths(2L * release));
            String kb = cumulativeKb(productIndex, release);
            List<String> supersedes = release == 0 ? List.of() : List.of(cumulativeKb(productIndex, release - 1));
            List<String> cves = new ArrayList<>();
            for (int cve = 0; cve < 3 + (release + productIndex) % 4; cve++) {
                cves.add(String.format("CVE-%d-%05d", released.getYear(), 21000 + release * 100 + cve * 7 + productIndex));
            }
            Severity severity = CUMULATIVE_SEVERITIES[(release + productIndex) % RELEASES];
            boolean exploited = (release + productIndex) % 5 == 0;
            updates.add(new Update(kb, kb, product, "Microsoft Windows", severity, IMPACTS[release % IMPACTS.length],
                    released, exploited, RestartBehaviour.ALWAYS, supersedes, cves));
            details.put(kb, new BulletinDetails(String.format("%d-%02d Cumulative Update for %s (%s, generated)",
                    released.getYear(), released.getMonthValue(), product, kb), null));
        }
    }

    private static void addStandalone(List<Update> updates, Map<String, BulletinDetails> details) {
        LocalDate dotNetRelease = patchTuesday(LocalDate.of(2024, 7, 1));
        for (String product : PRODUCTS) {
            updates.add(new Update("KB5950001", "KB5950001", product, ".NET Framework", Severity.IMPORTANT,
                    "Denial of Service", dotNetRelease, false, RestartBehaviour.MAY_REQUIRE, List.of(),
                    List.of("CVE-2024-38081", "CVE-2024-38095")));
        }
        details.put("KB5950001", new BulletinDetails(".NET Framework 3.5 and 4.8 security update (KB5950001, generated)",
                patchTuesday(LocalDate.of(2024, 8, 1))));
        updates.add(new Update("KB5950002", "KB5950002", WINDOWS_SERVER_2019, "Servicing Stack", Severity.MODERATE,
                "Security Feature Bypass", patchTuesday(LocalDate.of(2024, 10, 1)), false, RestartBehaviour.NEVER,
                List.of(), List.of("CVE-2024-43491")));
        details.put("KB5950002", new BulletinDetails("Servicing Stack Update for Windows Server 2019 (KB5950002, generated)", null));
        updates.add(new Update("KB5950003", "KB5950003", WINDOWS_11_23H2_X64, "Microsoft Defender", Severity.LOW,
                "Spoofing", patchTuesday(LocalDate.of(2025, 3, 1)), false, RestartBehaviour.NEVER, List.of(),
                List.of("CVE-2025-26678")));
        details.put("KB5950003", new BulletinDetails("Defender platform update (KB5950003, generated)", null));
        for (String product : List.of(WINDOWS_10_22H2_X64, WINDOWS_11_23H2_X64)) {
            updates.add(new Update("KB5950004", "KB5950004", product, "Windows Kernel", Severity.UNRATED, "",
                    patchTuesday(LocalDate.of(2025, 6, 1)), true, RestartBehaviour.MAY_REQUIRE, List.of(),
                    List.of("CVE-2025-29824")));
        }
        details.put("KB5950004", new BulletinDetails("Kernel advisory without vendor rating (KB5950004, generated)", null));
    }
}

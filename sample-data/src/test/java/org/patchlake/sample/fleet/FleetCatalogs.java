package org.patchlake.sample.fleet;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.RestartBehaviour;
import org.patchlake.core.catalog.Severity;
import org.patchlake.core.catalog.Update;

/**
 * A small catalog with every operating system of a fleet and in-box components as the real catalog names them (.NET on
 * Windows 10 and 11, Internet Explorer on Windows 7 and 2012 R2): monthly cumulative chains, security-only updates
 * beside the Windows 7 rollups, and an out-of-band package.
 */
public final class FleetCatalogs {
    static final String WINDOWS_10 = "Windows 10 Version 22H2 for x64-based Systems";
    static final String DOT_NET_ON_10 = "Microsoft .NET Framework 3.5 AND 4.8 on Windows 10 Version 22H2 for x64-based Systems";
    static final String WINDOWS_7 = "Windows 7 for x64-based Systems Service Pack 1";
    static final String IE_ON_7 = "Internet Explorer 11 on Windows 7 for x64-based Systems Service Pack 1";
    static final String IE_ON_2012_R2 = "Internet Explorer 11 on Windows Server 2012 R2";
    static final List<String> COMPONENTS = List.of(DOT_NET_ON_10, IE_ON_7, IE_ON_2012_R2,
        "Microsoft .NET Framework 3.5 AND 4.8.1 on Windows 11 Version 24H2 for x64-based Systems",
        "Microsoft .NET Framework 3.5 AND 4.8.1 on Windows 11 Version 23H2 for x64-based Systems",
        "Microsoft .NET Framework 3.5 AND 4.8 on Windows 10 Version 21H2 for x64-based Systems",
        "Microsoft .NET Framework 3.5 AND 4.7.2 on Windows 10 Version 1809 for x64-based Systems",
        "Microsoft .NET Framework 3.5 AND 4.8 on Windows Server 2022",
        "Microsoft .NET Framework 3.5 AND 4.7.2 on Windows Server 2019");

    private FleetCatalogs() {
    }

    /** Six months of Patch Tuesdays up to November 2025 and one out-of-band cumulative update for Windows 10. */
    public static Catalog catalog() {
        List<String> products = new ArrayList<>();
        OperatingSystem.CLIENTS.forEach(choice -> products.add(choice.os().product()));
        OperatingSystem.SERVERS.forEach(choice -> products.add(choice.os().product()));
        products.addAll(COMPONENTS);
        List<Update> updates = new ArrayList<>();
        int kb = 5_070_000;
        for (String product : products) {
            String previous = null;
            for (int month = 0; month < 6; month++) {
                LocalDate released = LocalDate.of(2025, 6 + month, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
                String current = "KB" + (kb++);
                updates.add(update(current, product, released, previous == null ? List.of() : List.of(previous)));
                previous = current;
                if (product.equals(WINDOWS_7)) {
                    updates.add(update("KB" + (kb++), product, released, List.of()));
                }
            }
            if (product.equals(WINDOWS_10)) {
                updates.add(update("KB5079999", product, LocalDate.of(2025, 10, 23), List.of("KB" + (kb - 3))));
            }
        }
        return Catalog.fromUpdates(updates, Map.of());
    }

    /** Monthly packages fix many vulnerabilities at once (six here), as real cumulative updates and rollups do. */
    private static Update update(String kb, String product, LocalDate released, List<String> supersedes) {
        List<String> cves = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cves.add("CVE-2025-" + kb.substring(4) + i);
        }
        return new Update(kb, kb, product, "", Severity.IMPORTANT, "Remote Code Execution", released, false,
            RestartBehaviour.MAY_REQUIRE, supersedes, cves);
    }
}

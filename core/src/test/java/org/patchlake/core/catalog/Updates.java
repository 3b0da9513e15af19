package org.patchlake.core.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds catalog updates for tests: a KB for one product, released on a day, with vulnerability ids and supersedes. */
public final class Updates {
    public static final String W1803 = "Windows 10 Version 1803 for x64-based Systems";
    public static final String IE_W1803 = "Internet Explorer 11 on " + W1803;
    public static final String EDGE_W1803 = "Microsoft Edge (EdgeHTML-based) on " + W1803;
    public static final String FLASH_W1803 = "Adobe Flash Player on " + W1803;
    public static final String DOTNET_W1803 = "Microsoft .NET Framework 4.7.2 on " + W1803;
    public static final String W7 = "Windows 7 for x64-based Systems Service Pack 1";
    public static final String IE_W7 = "Internet Explorer 11 on " + W7;
    public static final String MSXML_W7 = "Microsoft XML Core Services 3.0 on " + W7;
    public static final String DOTNET_W7 = "Microsoft .NET Framework 3.5.1 on " + W7;
    public static final String OFFICE = "Microsoft Office 2016 (64-bit edition)";

    private final String kb;
    private final String product;
    private LocalDate released = LocalDate.of(2019, 2, 12);
    private String component = "";
    private Severity severity = Severity.IMPORTANT;
    private final List<String> ids = new ArrayList<>();
    private final List<String> supersedes = new ArrayList<>();

    private Updates(String kb, String product) {
        this.kb = kb;
        this.product = product;
    }

    public static Updates kb(String kb, String product) {
        return new Updates(kb, product);
    }

    public Updates on(String date) {
        this.released = LocalDate.parse(date);
        return this;
    }

    /** {@code count} distinct CVE ids, numbered from {@code first}. */
    public Updates cves(int first, int count) {
        for (int id = first; id < first + count; id++) {
            ids.add(String.format("CVE-%d-%04d", released.getYear(), id));
        }
        return this;
    }

    public Updates ids(String... vulnerabilityIds) {
        ids.addAll(List.of(vulnerabilityIds));
        return this;
    }

    public Updates supersedes(String... kbs) {
        supersedes.addAll(List.of(kbs));
        return this;
    }

    public Updates component(String name) {
        this.component = name;
        return this;
    }

    public Updates unrated() {
        this.severity = Severity.UNRATED;
        return this;
    }

    public Update build() {
        return new Update(kb, kb, product, component, severity, "", released, false, RestartBehaviour.MAY_REQUIRE,
                supersedes, ids.stream().sorted().toList());
    }
}

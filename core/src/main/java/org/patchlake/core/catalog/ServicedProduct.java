package org.patchlake.core.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * How a catalog product is serviced, read from its name: a Windows OS product serviced by cumulative updates
 * (Windows 10, 11, Server 2016 and later), one serviced by monthly rollups (Windows 7 SP1, 8.1, RT 8.1, Server
 * 2008 R2 SP1, 2012, 2012 R2), a component "{@code <component> on <OS product>}" of one of them, or none of these.
 *
 * @param product   the catalog product name, as the catalog spells it
 * @param os        the OS product the product belongs to (the product itself for an OS product); null when none
 * @param osKind    how that OS product is serviced
 * @param component what the product is on that OS: {@link Component#OS} for the OS product itself
 */
public record ServicedProduct(String product, String os, OsServicing osKind, Component component) {
    /** How an OS product receives its security fixes. */
    public enum OsServicing {
        /** One cumulative update a month (Windows 10 / 11, Server 2016 and later). */
        CUMULATIVE_UPDATES,
        /** Monthly rollup or security-only update (Windows 7 SP1, 8.1, Server 2008 R2 SP1, 2012, 2012 R2). */
        MONTHLY_ROLLUPS,
        /** Neither: only Microsoft's published supersedence applies. */
        NONE
    }

    /** What a product is on its OS. */
    public enum Component {
        /** The OS product itself. */
        OS,
        /** Internet Explorer on the OS. */
        INTERNET_EXPLORER,
        /** Microsoft Edge (EdgeHTML-based), serviced only by the OS's cumulative updates. */
        EDGE_HTML,
        /** A part the OS's cumulative packages service: MSXML, VBScript, JScript, Windows Script. */
        OS_PART,
        /** The .NET Framework, serviced by its own cumulative packages per version. */
        DOT_NET,
        /** Adobe Flash Player, every package of which replaces the whole player. */
        FLASH,
        /** Anything else (Office, Defender, Remote Desktop client, ...), or a product that is no OS component. */
        OTHER
    }

    private static final String ON = " on ";

    public ServicedProduct {
        requireNonNull(product, "product is null");
        requireNonNull(osKind, "osKind is null");
        requireNonNull(component, "component is null");
    }

    /** Reads a catalog product name ("Internet Explorer 11 on Windows 7 for x64-based Systems Service Pack 1"). */
    public static ServicedProduct of(String product) {
        String name = product.trim().replaceAll("\\s+", " ");
        OsServicing kind = osServicing(name);
        if (kind != OsServicing.NONE) {
            return new ServicedProduct(product, product, kind, Component.OS);
        }
        int on = name.lastIndexOf(ON);
        if (on > 0) {
            String os = name.substring(on + ON.length());
            OsServicing osKind = osServicing(os);
            if (osKind != OsServicing.NONE) {
                int onInProduct = product.lastIndexOf(ON);
                String osAsSpelled = onInProduct > 0 ? product.substring(onInProduct + ON.length()) : os;
                return new ServicedProduct(product, osAsSpelled, osKind, component(name.substring(0, on)));
            }
        }
        return new ServicedProduct(product, null, OsServicing.NONE, Component.OTHER);
    }

    /** Whether this product's updates are part of its OS's servicing stream (the OS, IE, EdgeHTML and OS parts). */
    public boolean inOsStream() {
        return osKind != OsServicing.NONE
                && (component == Component.OS || component == Component.INTERNET_EXPLORER
                        || component == Component.EDGE_HTML || component == Component.OS_PART);
    }

    static OsServicing osServicing(String name) {
        String lower = name.toLowerCase(Locale.ROOT).trim();
        if (lower.startsWith("windows 10 ") || lower.startsWith("windows 11 ") || lower.equals("windows 10")
                || lower.startsWith("windows server, version ")
                || startsWithServer(lower, "2016") || startsWithServer(lower, "2019")
                || startsWithServer(lower, "2022") || startsWithServer(lower, "2025")) {
            return OsServicing.CUMULATIVE_UPDATES;
        }
        if (lower.startsWith("windows 7 for ") || lower.startsWith("windows 8.1 for ") || lower.startsWith("windows rt 8.1")
                || lower.startsWith("windows server 2008 r2 for ") || startsWithServer(lower, "2012")) {
            return OsServicing.MONTHLY_ROLLUPS;
        }
        return OsServicing.NONE;
    }

    private static boolean startsWithServer(String lower, String year) {
        String prefix = "windows server " + year;
        return lower.startsWith(prefix) && (lower.length() == prefix.length() || !Character.isDigit(lower.charAt(prefix.length())));
    }

    private static Component component(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("internet explorer")) {
            return Component.INTERNET_EXPLORER;
        }
        if (lower.contains("edge (edgehtml")) {
            return Component.EDGE_HTML;
        }
        if (lower.contains(".net framework")) {
            return Component.DOT_NET;
        }
        if (lower.contains("flash player")) {
            return Component.FLASH;
        }
        if (lower.contains("xml core services") || lower.startsWith("vbscript") || lower.startsWith("jscript")
                || lower.startsWith("windows script")) {
            return Component.OS_PART;
        }
        return Component.OTHER;
    }
}

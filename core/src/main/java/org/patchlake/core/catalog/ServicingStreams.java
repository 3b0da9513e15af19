package org.patchlake.core.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.patchlake.core.catalog.CumulativeRole.Scope;
import org.patchlake.core.catalog.ServicedProduct.Component;
import org.patchlake.core.catalog.ServicedProduct.OsServicing;

/**
 * Which servicing streams an update belongs to, from its product name, component and release date alone (so a
 * catalog loaded back from the warehouse, without CVEs or titles, places every update exactly as the import
 * did). A cumulative package of a stream covers every update of that stream released on or before it.
 * <ul>
 * <li>{@link Scope#OS_STREAM}: the updates of an OS product serviced by cumulative updates or monthly rollups,
 *     and those of Internet Explorer, EdgeHTML, MSXML and the script engines on it. An update listed under
 *     the OS product whose component is serviced on its own (.NET Framework, Flash Player, Silverlight, the
 *     antimalware platform) is not part of it once the OS's cumulative era began (Windows 10 and later: always;
 *     monthly-rollup products: October 2016). Before that (the bulletin era, when the catalog listed
 *     components under the OS product) everything listed under the OS product is.</li>
 * <li>{@link Scope#PRODUCT}: the updates of one product "{@code <component> on <OS>}" (Flash Player,
 *     EdgeHTML, Internet Explorer, .NET Framework).</li>
 * <li>{@link Scope#FLASH_ON_OS}: Flash Player updates listed under the OS product itself, one stream with the
 *     "Adobe Flash Player on <OS>" product's.</li>
 * <li>An update listed under the OS product in its cumulative era whose component is a .NET Framework version
 *     is in the {@link Scope#PRODUCT} stream of "{@code <component> on <OS>}", served by that product's .NET
 *     rollups.</li>
 * </ul>
 */
public final class ServicingStreams {
    /** Monthly rollups, and so the cumulative era of Windows 7 / 8.1 / 2008 R2 / 2012 / 2012 R2, began in October 2016. */
    public static final LocalDate ROLLUP_ERA = LocalDate.of(2016, 10, 1);

    /**
     * Components listed under an OS product that are installed and serviced on their own. (An Office or Visual
     * Studio component under an OS product names the product a shared OS vulnerability was reported in, and
     * "Windows Defender Credential Guard" or "... Firewall" are parts of the OS: the fix is the OS's.)
     */
    private static final List<String> SEPARATELY_SERVICED = List.of(".net framework", "flash player", "silverlight",
            "antimalware", "malware protection");

    /** One stream: a scope and the normalized product (or OS product) it is about. */
    public record StreamKey(Scope scope, String key) {
    }

    private ServicingStreams() {
    }

    /** The product name as streams compare it: trimmed, single spaces, lower case ("...x64-based systems"). */
    public static String key(String product) {
        return product.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The streams {@code update} belongs to (none, one or two). */
    public static List<StreamKey> streamsOf(Update update) {
        return streamsOf(update, ServicedProduct.of(update.product()));
    }

    /** The streams {@code update} belongs to, {@code product} being how its product is serviced. */
    static List<StreamKey> streamsOf(Update update, ServicedProduct product) {
        List<StreamKey> streams = new ArrayList<>(2);
        switch (product.component()) {
            case OS -> {
                boolean ownComponent = isSeparatelyServiced(update.component());
                boolean cumulativeEra = !update.released().isBefore(eraStart(product.osKind()));
                if (!ownComponent || !cumulativeEra) {
                    streams.add(new StreamKey(Scope.OS_STREAM, key(product.os())));
                } else if (isFlash(update.component())) {
                    streams.add(flashOf(product.os()));
                } else if (update.component().toLowerCase(Locale.ROOT).contains(".net framework")) {
                    // "Microsoft .NET Framework 3.5.1" under the OS: the stream of "<component> on <OS>"
                    streams.add(new StreamKey(Scope.PRODUCT, key(update.component() + " on " + product.os())));
                }
            }
            case INTERNET_EXPLORER, EDGE_HTML -> {
                streams.add(new StreamKey(Scope.OS_STREAM, key(product.os())));
                streams.add(new StreamKey(Scope.PRODUCT, key(product.product())));
            }
            case OS_PART -> streams.add(new StreamKey(Scope.OS_STREAM, key(product.os())));
            case DOT_NET, FLASH -> streams.add(new StreamKey(Scope.PRODUCT, key(product.product())));
            default -> { }
        }
        return streams;
    }

    /** Whether the update is a Flash Player update listed under an OS product in its cumulative era. */
    static boolean isFlashUnderOs(Update update) {
        ServicedProduct product = ServicedProduct.of(update.product());
        return product.component() == Component.OS && isFlash(update.component())
                && !update.released().isBefore(eraStart(product.osKind()));
    }

    /** The stream a cumulative role's update covers. */
    public static StreamKey streamCoveredBy(CumulativeRole role) {
        return role.scope() == Scope.FLASH_ON_OS ? flashOf(role.product()) : new StreamKey(role.scope(), key(role.product()));
    }

    /** Flash Player on an OS: the "Adobe Flash Player on <OS>" product and the Flash rows listed under the OS itself. */
    private static StreamKey flashOf(String os) {
        return new StreamKey(Scope.PRODUCT, key("Adobe Flash Player on " + os));
    }

    /** Whether an update's component is a product serviced by packages of its own, not by the OS's. */
    public static boolean isSeparatelyServiced(String component) {
        String lower = component.toLowerCase(Locale.ROOT);
        for (String own : SEPARATELY_SERVICED) {
            if (lower.contains(own)) {
                return true;
            }
        }
        return false;
    }

    static boolean isFlash(String component) {
        return component.toLowerCase(Locale.ROOT).contains("flash");
    }

    static LocalDate eraStart(OsServicing servicing) {
        return servicing == OsServicing.MONTHLY_ROLLUPS ? ROLLUP_ERA : LocalDate.MIN;
    }
}

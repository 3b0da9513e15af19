package org.patchlake.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.CumulativeRole;
import org.patchlake.core.catalog.CumulativeServicing;
import org.patchlake.core.catalog.RealCatalog;
import org.patchlake.core.catalog.ServicedProduct;
import org.patchlake.core.catalog.ServicingStreams;
import org.patchlake.core.catalog.Update;

/**
 * Property over the real catalog: on any machine whose newest installed cumulative update (Windows 10+ cumulative
 * update, or monthly rollup) for its OS product is from month M, no update of that OS product's servicing stream
 * released before M is required. The stream is the OS product's own updates and those of Internet Explorer, EdgeHTML,
 * MSXML and the script engines on it; what the catalog lists under the OS product for a separately serviced
 * component in the cumulative era (2016's Flash under Windows 10, .NET under Windows 8.1) chains apart
 * ({@link ServicingStreams}).
 *
 * <p>Machines are generated per OS product: a random cumulative update of it as the newest, up to 30 random older
 * updates of the product and its components, up to 5 later updates that are not cumulative, evaluated on a random
 * day from the release of that cumulative update to two years after. {@value #MACHINES_PER_PRODUCT} machines per
 * product here; a longer campaign: {@code -Dpatchlake.property.machines=500}.
 */
class CumulativeServicingPropertyTest {
    static final int MACHINES_PER_PRODUCT = 20;

    @Test
    void no_update_of_the_os_stream_released_before_the_newest_installed_cumulative_update_s_month_is_required() {
        Catalog catalog = RealCatalog.catalog();
        StateDeriver deriver = new StateDeriver(catalog, StatePolicy.defaults());
        int perProduct = Integer.getInteger("patchlake.property.machines", MACHINES_PER_PRODUCT);
        Random random = new Random(20190305L);
        List<String> violations = new ArrayList<>();
        int machines = 0;
        Set<String> productsTried = new TreeSet<>();
        for (String product : new TreeSet<>(catalog.products())) {
            ServicedProduct serviced = ServicedProduct.of(product);
            if (serviced.component() != ServicedProduct.Component.OS) {
                continue;
            }
            List<Update> cumulative = cumulativeUpdates(catalog, product);
            if (cumulative.isEmpty()) {
                continue;
            }
            productsTried.add(product);
            Set<String> products = streamProducts(catalog, product);
            Candidates candidates = Candidates.of(catalog, products);
            for (int machine = 0; machine < perProduct; machine++) {
                machines++;
                Update newest = cumulative.get(random.nextInt(cumulative.size()));
                LocalDate month = newest.released().withDayOfMonth(1);
                Set<String> installed = installed(candidates, newest, random);
                Instant now = newest.released().plusDays(random.nextInt(730)).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(43_200);
                ComputerStates states = deriver.derive(ComputerFacts.scanned(product + "#" + machine, products, installed, now), now);
                for (UpdateStateResult result : states.updates()) {
                    Update update = result.update();
                    boolean required = result.state() == UpdateState.REQUIRED || result.state() == UpdateState.FAILED;
                    if (required && update.released().isBefore(month) && inOsStream(update, product)) {
                        violations.add(update.updateId() + " (" + update.released() + ") required beside " + newest.kb()
                                + " (" + newest.released() + ")");
                    }
                }
            }
        }

        assertThat(productsTried).as("OS products with cumulative servicing").hasSizeGreaterThan(60)
                .contains("Windows 7 for x64-based Systems Service Pack 1", "Windows Server 2012 R2",
                        "Windows 10 Version 1803 for x64-based Systems", "Windows 11 Version 24H2 for x64-based Systems",
                        "Windows Server 2025");
        assertThat(machines).isGreaterThanOrEqualTo(productsTried.size() * perProduct);
        assertThat(violations).as("machines generated: " + machines).isEmpty();
    }

    /** The product's cumulative updates that cover its OS stream (not optional ones). */
    private static List<Update> cumulativeUpdates(Catalog catalog, String product) {
        CumulativeServicing servicing = catalog.servicing();
        List<Update> cumulative = new ArrayList<>();
        for (Update update : catalog.updatesForProduct(product)) {
            servicing.role(update.kb(), product)
                    .filter(role -> role.kind() == CumulativeRole.Kind.CUMULATIVE && role.scope() == CumulativeRole.Scope.OS_STREAM)
                    .ifPresent(role -> cumulative.add(update));
        }
        return cumulative;
    }

    /** The OS product and the catalog's products of its stream on it (Internet Explorer, EdgeHTML, MSXML, scripts). */
    private static Set<String> streamProducts(Catalog catalog, String os) {
        Set<String> products = new LinkedHashSet<>();
        products.add(os);
        for (String product : catalog.products()) {
            ServicedProduct serviced = ServicedProduct.of(product);
            if (serviced.component() != ServicedProduct.Component.OS && serviced.inOsStream()
                    && ServicingStreams.key(serviced.os()).equals(ServicingStreams.key(os))) {
                products.add(product);
            }
        }
        return products;
    }

    /** The updates of the machine's products by release, and which of them belong to no cumulative package. */
    private record Candidates(List<Update> byRelease, Set<Update> standalone) {
        static Candidates of(Catalog catalog, Set<String> products) {
            List<Update> updates = new ArrayList<>();
            Set<Update> standalone = new HashSet<>();
            for (String product : products) {
                for (Update update : catalog.updatesForProduct(product)) {
                    updates.add(update);
                    if (catalog.updatesForKb(update.kb()).stream()
                            .noneMatch(other -> catalog.servicing().role(other.kb(), other.product()).isPresent())) {
                        standalone.add(update);
                    }
                }
            }
            updates.sort(java.util.Comparator.comparing(Update::released));
            return new Candidates(updates, standalone);
        }
    }

    /** The newest cumulative update, random older updates of the machine's products and random later non-cumulative ones. */
    private static Set<String> installed(Candidates candidates, Update newest, Random random) {
        List<Update> older = candidates.byRelease().stream().filter(update -> update.released().isBefore(newest.released())).toList();
        List<Update> laterStandalone = candidates.byRelease().stream()
                .filter(update -> update.released().isAfter(newest.released()) && candidates.standalone().contains(update)).toList();
        Set<String> installed = new HashSet<>();
        installed.add(newest.kb());
        for (int pick = random.nextInt(31); pick > 0 && !older.isEmpty(); pick--) {
            installed.add(older.get(random.nextInt(older.size())).kb());
        }
        for (int pick = random.nextInt(6); pick > 0 && !laterStandalone.isEmpty(); pick--) {
            installed.add(laterStandalone.get(random.nextInt(laterStandalone.size())).kb());
        }
        return installed;
    }

    private static boolean inOsStream(Update update, String os) {
        return ServicingStreams.streamsOf(update).stream().anyMatch(stream -> stream.scope() == CumulativeRole.Scope.OS_STREAM
                && stream.key().equals(ServicingStreams.key(os)));
    }
}

package org.patchlake.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GeneratedCatalogTest {

    @Test
    void the_generated_catalog_is_the_same_on_every_call() {
        assertThat(GeneratedCatalog.create().updates()).containsExactlyElementsOf(GeneratedCatalog.create().updates());
        assertThat(GeneratedCatalog.create().bulletins()).containsExactlyElementsOf(GeneratedCatalog.create().bulletins());
    }

    @Test
    void it_has_three_products_forty_bulletins_every_severity_and_exploited_updates() {
        Catalog catalog = GeneratedCatalog.create();

        assertThat(catalog.products()).containsExactlyInAnyOrderElementsOf(GeneratedCatalog.PRODUCTS);
        assertThat(catalog.bulletins()).hasSize(40);
        assertThat(catalog.bulletins()).extracting(Bulletin::vendorSeverity).containsAll(Arrays.asList(Severity.values()));
        assertThat(catalog.updates()).filteredOn(Update::exploited).isNotEmpty();
        assertThat(catalog.updates()).extracting(Update::released)
                .allSatisfy(date -> assertThat(date).isBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)));
    }

    @Test
    void each_product_has_a_supersedence_chain_of_twelve_cumulative_updates() {
        Catalog catalog = GeneratedCatalog.create();
        String first = GeneratedCatalog.cumulativeKb(1, 0);
        String last = GeneratedCatalog.cumulativeKb(1, 11);

        assertThat(catalog.supersedersOf(first, GeneratedCatalog.WINDOWS_SERVER_2019)).hasSize(11).contains(last);
        assertThat(catalog.bulletin(first).orElseThrow().superseded()).isTrue();
        assertThat(catalog.bulletin(last).orElseThrow().superseded()).isFalse();
        assertThat(catalog.update(first, GeneratedCatalog.WINDOWS_SERVER_2019).orElseThrow().released())
                .isEqualTo(LocalDate.of(2024, 1, 9));
        assertThat(catalog.updatesForKb("KB5950001")).hasSize(3);
    }
}

package org.patchlake.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogTest {
    static final String W10 = "Windows 10 Version 22H2 for x64-based Systems";
    static final String SERVER = "Windows Server 2019";

    static Update update(String kb, String product, String... supersedes) {
        return new Update(kb, kb, product, "", Severity.IMPORTANT, "", LocalDate.of(2024, 1, 9), false,
                RestartBehaviour.MAY_REQUIRE, List.of(supersedes), List.of());
    }

    @Test
    void supersedence_is_transitive_within_one_product() {
        Catalog catalog = Catalog.fromUpdates(List.of(
                update("KB1", W10),
                update("KB2", W10, "KB1"),
                update("KB3", W10, "KB2"),
                update("KB4", W10, "KB3", "KB1")), Map.of());

        assertThat(catalog.supersedersOf("KB1", W10)).containsExactly("KB2", "KB3", "KB4");
        assertThat(catalog.supersedersOf("KB3", W10)).containsExactly("KB4");
        assertThat(catalog.supersedersOf("KB4", W10)).isEmpty();
        assertThat(catalog.directSupersedersOf("KB1", W10)).containsExactly("KB2", "KB4");
        assertThat(catalog.supersedenceCycles()).isEmpty();
    }

    @Test
    void supersedence_for_one_product_does_not_count_for_another() {
        Catalog catalog = Catalog.fromUpdates(List.of(
                update("KB1", W10), update("KB1", SERVER),
                update("KB2", W10, "KB1"), update("KB2", SERVER)), Map.of());

        assertThat(catalog.supersedersOf("KB1", W10)).containsExactly("KB2");
        assertThat(catalog.supersedersOf("KB1", SERVER)).isEmpty();
        assertThat(catalog.installedThrough("KB1", W10, Set.of("KB2"))).contains("KB2");
        assertThat(catalog.installedThrough("KB1", SERVER, Set.of("KB2"))).isEmpty();
        assertThat(catalog.bulletin("KB1").orElseThrow().superseded())
                .as("superseded only when superseded for every product it has").isFalse();
    }

    @Test
    void an_update_counts_as_installed_when_it_or_a_superseding_update_is_installed() {
        Catalog catalog = Catalog.fromUpdates(List.of(
                update("KB1", W10), update("KB2", W10, "KB1"), update("KB3", W10, "KB2")), Map.of());

        assertThat(catalog.installedThrough("KB1", W10, Set.of("KB1"))).contains("KB1");
        assertThat(catalog.installedThrough("KB1", W10, Set.of("KB3"))).contains("KB3");
        assertThat(catalog.installedThrough("KB2", W10, Set.of("KB1"))).isEmpty();
        assertThat(catalog.bulletin("KB1").orElseThrow().superseded()).isTrue();
        assertThat(catalog.bulletin("KB3").orElseThrow().superseded()).isFalse();
    }

    @Test
    void cycles_are_reported_and_never_followed_forever() {
        Catalog catalog = Catalog.fromUpdates(List.of(
                update("KB1", W10, "KB3"),
                update("KB2", W10, "KB1"),
                update("KB3", W10, "KB2"),
                update("KB4", W10, "KB4", "KB3"),
                update("KB0", W10)), Map.of());

        assertThat(catalog.supersedersOf("KB1", W10)).containsExactly("KB2", "KB3", "KB4");
        assertThat(catalog.supersedersOf("KB4", W10)).as("a self-reference is not a superseder").isEmpty();
        assertThat(catalog.supersedenceCycles()).extracting(SupersedenceCycle::kbs)
                .containsExactlyInAnyOrder(List.of("KB1", "KB2", "KB3"), List.of("KB4"));
    }

    @Test
    void a_chain_of_twenty_thousand_updates_is_closed_without_recursion() {
        List<Update> updates = new ArrayList<>();
        updates.add(update("KB0", W10));
        for (int index = 1; index < 20_000; index++) {
            updates.add(update("KB" + index, W10, "KB" + (index - 1)));
        }
        Catalog catalog = Catalog.fromUpdates(updates, Map.of());

        assertThat(catalog.supersedersOf("KB19990", W10)).hasSize(9);
        assertThat(catalog.supersedersOf("KB0", W10)).hasSize(19_999);
    }

    @Test
    void the_same_update_twice_is_refused() {
        assertThatThrownBy(() -> Catalog.of(List.of(update("KB1", W10), update("KB1", W10)), List.of()))
                .hasMessageContaining("KB1|" + W10);
    }

    @Test
    void severity_orders_by_rank_and_parses_vendor_text() {
        assertThat(Severity.parse(" important ")).contains(Severity.IMPORTANT);
        assertThat(Severity.parse("System.Object[]")).isEmpty();
        assertThat(Severity.parse("None")).isEmpty();
        assertThat(Severity.max(Severity.LOW, Severity.CRITICAL)).isEqualTo(Severity.CRITICAL);
        assertThat(List.of(Severity.LOW, Severity.UNRATED, Severity.CRITICAL, Severity.MODERATE).stream()
                .sorted(Severity.BY_RANK).toList())
                .containsExactly(Severity.UNRATED, Severity.LOW, Severity.MODERATE, Severity.CRITICAL);
        assertThat(KbIds.normalize("4012212")).isEqualTo("KB4012212");
        assertThat(KbIds.normalize("kb4012212")).isEqualTo("KB4012212");
        assertThat(KbIds.normalize("SP81X64")).isEqualTo("SP81X64");
    }
}

package org.patchlake.reports.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {
    @Test
    void a_viewer_with_every_region_sees_everything_and_lists_are_ignored() {
        assertThat(Scope.viewing(true, List.of("EU"), List.of("us-nyc"))).isEqualTo(Scope.all());
    }

    @Test
    void a_regional_viewer_sees_exactly_the_listed_regions_and_sites() {
        Scope scope = Scope.viewing(false, List.of("EU", "EU"), Set.of("us-nyc"));

        assertThat(scope).isEqualTo(Scope.of(Set.of("EU"), Set.of("us-nyc")));
        assertThat(scope.allows("EU", "eu-par")).isTrue();
        assertThat(scope.allows("US", "us-nyc")).isTrue();
        assertThat(scope.allows("US", "us-sfo")).isFalse();
        assertThat(Scope.viewing(false, List.of(), List.of()).allows("EU", "eu-par")).isFalse();
    }

    @Test
    void missing_lists_are_refused() {
        assertThatThrownBy(() -> Scope.viewing(false, null, List.of())).hasMessage("regions is null");
    }
}

package org.patchlake.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Facts of the real wesng data (../shared/data/wesng/SOURCE.md), checked against a full read of definitions.zip. */
class RealWesngDataTest {
    private static CatalogImport imported;

    @BeforeAll
    static void readTheRealDefinitions() throws IOException {
        long start = System.nanoTime();
        imported = WesngCatalogBuilder.read(SharedData.wesngDefinitions(), rows -> { });
        System.out.printf("read %,d rows in %d ms: %s%n", imported.rowsRead(), (System.nanoTime() - start) / 1_000_000,
                imported.catalog());
    }

    @Test
    void every_row_of_both_files_is_read() {
        assertThat(imported.sourceFiles()).containsExactly("CVEs_20260628.csv", "Custom_20190321.csv");
        Map<String, Long> errorsByKind = imported.errorCounts().entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().name(), Map.Entry::getValue));
        System.out.println(errorsByKind);
    }
}

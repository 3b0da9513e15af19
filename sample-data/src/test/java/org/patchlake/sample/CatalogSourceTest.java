package org.patchlake.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogSourceTest {
    /** Tests run in sample-data/, so the project's home is its parent. */
    private static final Path PROJECT_HOME = Path.of("..").toAbsolutePath().normalize();

    @Test
    void a_clone_defaults_to_the_real_microsoft_catalog_committed_with_the_project() throws IOException {
        String source = CatalogSource.defaultSource(PROJECT_HOME);

        assertThat(Path.of(source)).isEqualTo(PROJECT_HOME.resolve("sample-data/wesng/definitions.zip"));
        List<String> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(source)) {
            zip.stream().map(ZipEntry::getName).forEach(entries::add);
        }
        assertThat(entries).anyMatch(name -> name.matches("CVEs_\\d{8}\\.csv"));
        assertThat(PROJECT_HOME.resolve("sample-data/wesng/LICENSE.txt")).content().contains("Redistribution and use in source and binary forms");
    }

    @Test
    void a_home_without_the_committed_catalog_falls_back_to_the_generated_one(@TempDir Path home) {
        assertThat(CatalogSource.defaultSource(home)).isEqualTo("generated");
    }
}

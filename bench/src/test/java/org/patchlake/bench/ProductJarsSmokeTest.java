package org.patchlake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The product's jars, as packaged: benchmarks and their PostgreSQL driver live in bench/ only. */
@Tag("smoke")
class ProductJarsSmokeTest {
    private static final List<String> PRODUCT = List.of("cli", "core", "agent", "ingest", "etl", "reports", "web", "sample-data");

    private static List<Path> jars(String module) throws IOException {
        try (Stream<Path> files = Files.list(Launcher.HOME.resolve(module).resolve("target"))) {
            return files.filter(file -> file.getFileName().toString().startsWith("patchlake-" + module + "-"))
                    .filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .filter(file -> !file.getFileName().toString().endsWith("-tests.jar")).toList();
        }
    }

    @Test
    void no_product_jar_holds_a_bench_package() throws IOException {
        for (String module : PRODUCT) {
            List<Path> jars = jars(module);
            assertThat(jars).as(module + " jars").isNotEmpty();
            for (Path jar : jars) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    assertThat(file.stream().map(entry -> entry.getName()).filter(name -> name.startsWith("org/patchlake/"))
                            .filter(name -> name.contains("/bench/") && !name.endsWith("/")).toList()).as(jar.getFileName().toString()).isEmpty();
                }
            }
        }
    }

    @Test
    void the_postgresql_driver_is_on_no_product_class_path() throws IOException {
        for (String module : PRODUCT) {
            Path classpath = Launcher.HOME.resolve(module).resolve("target/classpath.txt");
            assertThat(Files.readString(classpath)).as(module + " runtime class path").doesNotContain("postgresql");
        }
        assertThat(Files.readString(Launcher.HOME.resolve("bench/target/bench-classpath.txt"))).contains("postgresql");
    }

    @Test
    void the_web_class_path_has_no_spark() throws IOException {
        assertThat(Files.readString(Launcher.HOME.resolve("web/target/classpath.txt"))).doesNotContain("spark-");
    }
}

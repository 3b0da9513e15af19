package org.patchlake.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.sample.fleet.FleetFiles;
import org.patchlake.sample.fleet.FleetGenerator;
import org.patchlake.sample.fleet.FleetSpec;
import org.patchlake.sample.fleet.FleetSummary;
import org.patchlake.sample.fleet.Organisation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./patchlake fleet generate --out DIR [--endpoints N] [--catalog generated|definitions.zip] [--seed S]
 * [--as-of 2026-06-01T00:00:00Z] [--days D]}: writes a generated fleet to DIR/fleet.jsonl.gz.
 */
@Command(name = Commands.FLEET, description = Commands.FLEET_SUMMARY, subcommands = FleetCommand.Generate.class)
public final class FleetCommand {
    @Mixin
    HelpOption help;

    public static void main(String[] args) {
        CommandMain.exit(Commands.FLEET, new FleetCommand(), args);
    }

    @Command(name = Commands.FLEET_GENERATE, description = Commands.FLEET_GENERATE_SUMMARY, sortOptions = false)
    static final class Generate implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write fleet.jsonl.gz.")
        Path out;

        @Option(names = "--endpoints", paramLabel = "N", defaultValue = "2000", description = "Computers. Default: ${DEFAULT-VALUE}.")
        int endpoints;

        @Option(names = "--catalog", paramLabel = "SOURCE", description = "generated, or a wesng definitions.zip / CSV "
                + "(default: the real Microsoft data in sample-data/wesng/definitions.zip).")
        String catalog;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "20261121", description = "Random seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--as-of", paramLabel = "INSTANT", description = "The moment the patch history reaches, a UTC time "
                + "like 2026-06-01T00:00:00Z (default: now).")
        Instant asOf;

        @Option(names = "--days", paramLabel = "D", defaultValue = "21", description = "Days of history. Default: ${DEFAULT-VALUE}.")
        int days;

        @Override
        public Integer call() {
            if (days < 1) {
                throw new IllegalArgumentException("--days must be at least 1 day but was " + days);
            }
            FleetSpec spec = new FleetSpec(endpoints, seed, asOf != null ? asOf : Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Duration.ofDays(days), Organisation.contoso());
            Catalog loaded = CatalogSource.load(catalog != null ? catalog
                : CatalogSource.defaultSource(Path.of(System.getProperty("patchlake.home", "."))));
            long started = System.nanoTime();
            FleetSummary summary = new FleetFiles().write(out, new FleetGenerator(loaded), spec,
                count -> System.err.printf("fleet: %,d of %,d computers generated%n", count, spec.endpoints()));
            System.out.printf("fleet: %s%nfleet: written to %s in %.1f s%n", summary, out.resolve(FleetFiles.FILE_NAME),
                (System.nanoTime() - started) / 1e9);
            return 0;
        }
    }
}

package org.patchlake.sample;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.sample.fleet.FleetFiles;
import org.patchlake.sample.fleet.FleetGenerator;
import org.patchlake.sample.fleet.FleetSpec;
import org.patchlake.sample.fleet.FleetSummary;
import org.patchlake.sample.fleet.Organisation;

/**
 * {@code ./patchlake fleet generate --out DIR [--endpoints N] [--catalog generated|definitions.zip] [--seed S]
 * [--as-of 2026-06-01T00:00:00Z] [--days D]}: writes a generated fleet to DIR/fleet.jsonl.gz.
 */
public final class FleetCommand {
    static final String USAGE = "usage: patchlake fleet generate --out DIR [--endpoints N (2000)] "
        + "[--catalog generated|PATH to definitions.zip] [--seed S] [--as-of UTC time (now)] [--days D (21)]";

    private FleetCommand() {
    }

    public static void main(String[] args) {
        try {
            if (args.length == 0 || !args[0].equals("generate")) {
                throw new IllegalArgumentException(args.length == 0 ? "a subcommand is required"
                    : "unknown subcommand '" + args[0] + "'");
            }
            Flags flags = Flags.parse(args, 1, Set.of("--out", "--endpoints", "--catalog", "--seed", "--as-of", "--days"));
            Path out = Path.of(flags.required("--out"));
            FleetSpec spec = new FleetSpec(flags.integer("--endpoints", 2000), flags.longValue("--seed", 20261121L),
                flags.instant("--as-of", Instant.now().truncatedTo(ChronoUnit.SECONDS)), flags.days("--days", 21),
                Organisation.contoso());
            Catalog catalog = CatalogSource.load(flags.get("--catalog",
                CatalogSource.defaultSource(Path.of(System.getProperty("patchlake.home", ".")))));
            long started = System.nanoTime();
            FleetSummary summary = new FleetFiles().write(out, new FleetGenerator(catalog), spec,
                count -> System.err.printf("fleet: %,d of %,d computers generated%n", count, spec.endpoints()));
            System.out.printf("fleet: %s%nfleet: written to %s in %.1f s%n", summary, out.resolve(FleetFiles.FILE_NAME),
                (System.nanoTime() - started) / 1e9);
        } catch (IllegalArgumentException e) {
            System.err.println("patchlake fleet: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }
}

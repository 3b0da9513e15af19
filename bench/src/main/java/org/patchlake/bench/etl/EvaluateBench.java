package org.patchlake.bench.etl;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.GeneratedCatalog;
import org.patchlake.core.catalog.WesngCatalogBuilder;
import org.patchlake.core.inventory.InventoryParser;
import org.patchlake.core.inventory.MachineGrouping;
import org.patchlake.core.inventory.MachineInventory;
import org.patchlake.core.inventory.ProductIdentifier;
import org.patchlake.core.state.ComputerFacts;
import org.patchlake.core.state.StateDeriver;
import org.patchlake.core.state.StatePolicy;
import org.patchlake.etl.catalog.CatalogStore;
import org.patchlake.etl.evaluate.EvaluateCommand;
import org.patchlake.etl.evaluate.Evaluator;
import org.patchlake.bench.BenchData;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./patchlake bench evaluate [--warehouse DIR | --catalog SOURCE] [--repeat N] [--dir VALIDATION_DIR]}:
 * runs evaluate over every validation file, catalog load included, N times in one process (the first run
 * also pays class loading and JIT) and prints each time and the median; then measures the state derivation
 * alone (computers per second, the figure that matters for the ETL's 200,000 computers).
 */
@Command(name = Commands.BENCH_EVALUATE, description = Commands.BENCH_EVALUATE_SUMMARY, sortOptions = false)
public final class EvaluateBench implements java.util.concurrent.Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--warehouse", paramLabel = "DIR", description = "Use this warehouse's current catalog.")
    String warehouse;

    @Option(names = "--catalog", paramLabel = "SOURCE", description = "Build the catalog from this source instead "
            + "(default: sample-data/wesng/definitions.zip).")
    String catalogSource;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", description = "Runs. Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--dir", paramLabel = "DIR", description = "The inventories (default: shared/data/wesng/validation beside the project).")
    Path directory;

    public static void main(String[] args) {
        CommandMain.exit("bench " + Commands.BENCH_EVALUATE, new EvaluateBench(), args);
    }

    @Override
    public Integer call() throws Exception {
        if (warehouse != null && catalogSource != null) {
            throw new IllegalArgumentException("give one of --warehouse DIR and --catalog SOURCE");
        }
        String catalogOption = warehouse != null ? "--warehouse" : "--catalog";
        String catalogValue = warehouse != null ? warehouse : catalogSource != null ? catalogSource : BenchData.definitions().toString();
        Path directory = this.directory != null ? this.directory : BenchData.validation();
        List<String> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.map(Path::toString).sorted().toList();
        }
        List<String> commandLine = new ArrayList<>(List.of(catalogOption, catalogValue, "--format", "csv"));
        commandLine.addAll(files);
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        System.out.printf("evaluate bench: %d files from %s, catalog %s %s, %d runs%n", files.size(), directory, catalogOption, catalogValue, repeat);
        List<Double> seconds = new ArrayList<>();
        for (int run = 1; run <= repeat; run++) {
            long start = System.nanoTime();
            int code = runEvaluate(commandLine, nowhere);
            double elapsed = (System.nanoTime() - start) / 1e9;
            seconds.add(elapsed);
            System.out.printf(Locale.ROOT, "  run %d: %.2f s (exit code %d)%n", run, elapsed, code);
        }
        System.out.printf(Locale.ROOT, "evaluate, all validation files, catalog load included: median %.2f s over %d runs%n",
                median(seconds), repeat);
        List<Double> loads = new ArrayList<>();
        List<Double> evaluations = new ArrayList<>();
        Catalog catalog = null;
        for (int run = 1; run <= repeat; run++) {
            long start = System.nanoTime();
            catalog = loadCatalog(catalogOption, catalogValue);
            long loaded = System.nanoTime();
            new Evaluator(catalog).evaluate(files.stream().map(Path::of).toList(), false, Instant.now());
            loads.add((loaded - start) / 1e9);
            evaluations.add((System.nanoTime() - loaded) / 1e9);
        }
        System.out.printf(Locale.ROOT, "  of which catalog load: median %.2f s; parse + identify + derive all files: median %.3f s%n",
                median(loads), median(evaluations));
        derivationThroughput(catalog, files);
        return 0;
    }

    private static int runEvaluate(List<String> commandLine, PrintStream nowhere) {
        return EvaluateCommand.run(commandLine.toArray(String[]::new), nowhere, nowhere);
    }

    /** State derivation alone over the validation machines, repeated for about 5 seconds. */
    private static void derivationThroughput(Catalog catalog, List<String> files) {
        ProductIdentifier identifier = new ProductIdentifier(catalog.products());
        StateDeriver deriver = new StateDeriver(catalog, StatePolicy.defaults());
        Instant now = Instant.now();
        List<ComputerFacts> computers = new ArrayList<>();
        List<MachineInventory> machines = MachineGrouping.group(files.stream().map(file -> InventoryParser.parse(Path.of(file))).toList());
        for (MachineInventory machine : machines) {
            if (machine.os() != null && identifier.identify(machine.os()).inCatalog()) {
                computers.add(ComputerFacts.scanned(machine.machine(),
                        new java.util.HashSet<>(identifier.identify(machine.os()).catalogProducts()), machine.installedKbs(), now));
            }
        }
        long[] updates = new long[1];
        long warmStart = System.nanoTime();
        for (ComputerFacts facts : computers) {
            deriver.derive(facts, now, (update, state, via, attempts) -> updates[0]++);
        }
        System.out.printf(Locale.ROOT, "state derivation, first pass over %d machines (builds the per-product supersedence index): %.2f s%n",
                computers.size(), (System.nanoTime() - warmStart) / 1e9);
        updates[0] = 0;
        long derived = 0;
        long start = System.nanoTime();
        long deadline = start + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (ComputerFacts facts : computers) {
                deriver.derive(facts, now, (update, state, via, attempts) -> updates[0]++);
                derived++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "state derivation alone: %,d computers (%,d update states) in %.1f s = %,.0f computers/s,"
                        + " %,.0f update states/s (validation machines, mean %.0f applicable updates each)%n",
                derived, updates[0], elapsed, derived / elapsed, updates[0] / elapsed, (double) updates[0] / derived);
    }

    private static Catalog loadCatalog(String option, String value) {
        if (option.equals("--warehouse")) {
            try {
                return new CatalogStore(Path.of(value)).loadCurrent();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("warehouse " + value + ": " + e.getMessage(), e);
            }
        }
        return value.equals("generated") ? GeneratedCatalog.create() : readCatalog(value);
    }

    private static Catalog readCatalog(String source) {
        try {
            return WesngCatalogBuilder.read(Path.of(source), rows -> { }).catalog();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("catalog source " + source + ": " + e.getMessage(), e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}

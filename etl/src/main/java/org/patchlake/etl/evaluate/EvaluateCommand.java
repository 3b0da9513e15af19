package org.patchlake.etl.evaluate;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./patchlake evaluate --warehouse DIR FILE... [--format text|csv|json|plan-csv] [--separate] [--as-of DAY]}:
 * parses systeminfo / wmic qfe / update-list files, merges the files of one machine, identifies its products and
 * prints the updates it requires and what to install to fix them. Exit code 0 when every machine was evaluated, 1
 * when some could not be (each named on stderr), 2 for bad usage.
 */
@Command(name = Commands.EVALUATE, description = Commands.EVALUATE_SUMMARY, sortOptions = false,
        footer = {"Exit code 0 when every machine was evaluated, 1 when some could not be (each named on stderr, the others "
                + "are still printed), 2 for bad usage or a missing catalog."})
public final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--warehouse", paramLabel = "DIR", description = "Use the current catalog of this warehouse "
            + "(written by ./patchlake catalog import).")
    Path warehouse;

    @Option(names = "--catalog", paramLabel = "SOURCE", description = "Build the catalog in process instead: wesng's "
            + "definitions.zip, one of its CSV files, or 'generated'.")
    String catalog;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, csv, json or plan-csv (the install plan). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--separate", description = "Evaluate every file alone instead of merging the files of one machine.")
    boolean separate;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Judge the machines as they stood that day.")
    String asOf;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "systeminfo, wmic qfe or update-title files.")
    List<Path> files = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;

    public EvaluateCommand() {
        this(System.out, System.err);
    }

    EvaluateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        CommandMain.exit(Commands.EVALUATE, new EvaluateCommand(), args);
    }

    /** Runs evaluate; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return CommandMain.execute(Commands.EVALUATE, new EvaluateCommand(out, err), out, err, args);
    }

    /** The options as given; IllegalArgumentException naming the option when one is malformed. */
    EvaluateOptions options() {
        return new EvaluateOptions(warehouse, catalog, files, EvaluateOptions.format(format), separate,
                asOf == null ? null : EvaluateOptions.date(asOf));
    }

    @Override
    public Integer call() {
        EvaluateOptions options = options();
        EvaluateCatalog catalog;
        try {
            catalog = EvaluateCatalog.load(options, err);
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println("evaluate: " + e.getMessage());
            return 2;
        }
        List<MachineEvaluation> evaluations = new Evaluator(catalog.catalog(), options.asOf())
                .evaluate(options.files(), options.separate(), Instant.now());
        String description = catalog.description() + (options.asOf() == null ? "" : "; as of " + options.asOf()
                + " (updates released by then, and installs the inventories date by then)");
        try {
            switch (options.format()) {
                case CSV -> CsvReport.write(evaluations, out);
                case PLAN_CSV -> PlanCsvReport.write(evaluations, out);
                case JSON -> JsonReport.write(description, evaluations, out);
                default -> TextReport.write(description, evaluations, out);
            }
        } catch (IOException e) {
            err.println("evaluate: cannot write the report: " + e.getMessage());
            return 1;
        }
        boolean allEvaluated = true;
        for (MachineEvaluation evaluation : evaluations) {
            if (!evaluation.evaluated()) {
                err.println("evaluate: " + evaluation.error());
                allEvaluated = false;
            }
        }
        out.flush();
        return allEvaluated ? 0 : 1;
    }
}

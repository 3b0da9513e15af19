package org.patchlake.etl.evaluate;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * {@code ./patchlake evaluate --warehouse DIR FILE... [--format text|csv|json|plan-csv] [--separate] [--as-of DAY]}:
 * parses systeminfo / wmic qfe / update-list files, merges the files of one machine, identifies its products and
 * prints the updates it requires and what to install to fix them. Exit code 0 when every machine was evaluated, 1
 * when some could not be (each named on stderr), 2 for bad usage.
 */
public final class EvaluateCommand {
    private EvaluateCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs evaluate; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        EvaluateOptions options;
        try {
            options = EvaluateOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("evaluate: " + e.getMessage());
            err.println(EvaluateOptions.USAGE);
            return 2;
        }
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
        return allEvaluated ? 0 : 1;
    }
}

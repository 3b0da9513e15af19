package org.patchlake.etl.evaluate;

import java.io.PrintStream;
import java.util.List;
import org.patchlake.core.catalog.Update;
import org.patchlake.core.state.PlannedInstall;

/**
 * {@code --format plan-csv}: what to install, one row per planned update: the header {@value #HEADER}; {@code fixes}
 * is how many required updates installing it fixes, {@code fixed_kbs} their KBs ({@code ;}-joined, sorted, each once),
 * {@code products} the machine's products it is for. Written by {@link EvaluateCsv}.
 */
final class PlanCsvReport {
    static final String HEADER = "file,install_kb,released,fixes,fixed_kbs,products";

    private PlanCsvReport() {
    }

    static void write(List<MachineEvaluation> evaluations, PrintStream out) {
        EvaluateCsv csv = new EvaluateCsv(List.of(HEADER.split(",")));
        for (MachineEvaluation evaluation : evaluations) {
            if (evaluation.plan() == null) {
                continue;
            }
            for (PlannedInstall install : evaluation.plan().installs()) {
                List<String> kbs = install.covers().stream().map(Update::kb).distinct().sorted().toList();
                csv.record(evaluation.primaryFile(), install.kb(), install.released(), install.covers().size(),
                        String.join(";", kbs), String.join(";", install.products()));
            }
        }
        csv.printTo(out);
    }
}

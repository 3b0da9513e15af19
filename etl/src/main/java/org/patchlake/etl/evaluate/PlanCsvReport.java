package org.patchlake.etl.evaluate;

import java.io.PrintStream;
import java.util.List;
import org.patchlake.core.catalog.Update;
import org.patchlake.core.state.PlannedInstall;

/**
 * {@code --format plan-csv}: what to install, one row per planned update: the header {@value #HEADER}; {@code fixes}
 * is how many required updates installing it fixes, {@code fixed_kbs} their KBs ({@code ;}-joined, sorted, each once),
 * {@code products} the machine's products it is for. RFC 4180 quoting, CRLF rows.
 */
final class PlanCsvReport {
    static final String HEADER = "file,install_kb,released,fixes,fixed_kbs,products";

    private PlanCsvReport() {
    }

    static void write(List<MachineEvaluation> evaluations, PrintStream out) {
        StringBuilder text = new StringBuilder(HEADER).append("\r\n");
        for (MachineEvaluation evaluation : evaluations) {
            if (evaluation.plan() == null) {
                continue;
            }
            for (PlannedInstall install : evaluation.plan().installs()) {
                List<String> kbs = install.covers().stream().map(Update::kb).distinct().sorted().toList();
                text.append(CsvReport.field(evaluation.primaryFile())).append(',')
                        .append(install.kb()).append(',')
                        .append(install.released()).append(',')
                        .append(install.covers().size()).append(',')
                        .append(CsvReport.field(String.join(";", kbs))).append(',')
                        .append(CsvReport.field(String.join(";", install.products()))).append("\r\n");
            }
        }
        out.print(text);
        out.flush();
    }
}

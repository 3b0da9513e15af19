package org.patchlake.etl.evaluate;

import java.io.PrintStream;
import java.util.List;
import org.patchlake.core.catalog.Update;

/** {@code --format csv}: exactly the header {@value #HEADER} and one row per required update ({@link EvaluateCsv}). */
final class CsvReport {
    static final String HEADER = "file,product,kb,severity,cves,exploited,released";

    private CsvReport() {
    }

    static void write(List<MachineEvaluation> evaluations, PrintStream out) {
        EvaluateCsv csv = new EvaluateCsv(List.of(HEADER.split(",")));
        for (MachineEvaluation evaluation : evaluations) {
            for (Update update : evaluation.required()) {
                csv.record(evaluation.primaryFile(), update.product(), update.kb(), update.severity().label(),
                        String.join(";", update.cves()), update.exploited(), update.released());
            }
        }
        csv.printTo(out);
    }
}

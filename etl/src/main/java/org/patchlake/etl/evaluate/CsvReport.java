package org.patchlake.etl.evaluate;

import java.io.PrintStream;
import java.util.List;
import org.patchlake.core.catalog.Update;

/** {@code --format csv}: exactly the header {@value #HEADER} and one row per required update (RFC 4180 quoting). */
final class CsvReport {
    static final String HEADER = "file,product,kb,severity,cves,exploited,released";

    private CsvReport() {
    }

    static void write(List<MachineEvaluation> evaluations, PrintStream out) {
        StringBuilder text = new StringBuilder(HEADER).append("\r\n");
        for (MachineEvaluation evaluation : evaluations) {
            for (Update update : evaluation.required()) {
                text.append(field(evaluation.primaryFile())).append(',')
                        .append(field(update.product())).append(',')
                        .append(field(update.kb())).append(',')
                        .append(field(update.severity().label())).append(',')
                        .append(field(String.join(";", update.cves()))).append(',')
                        .append(update.exploited()).append(',')
                        .append(update.released()).append("\r\n");
            }
        }
        out.print(text);
        out.flush();
    }

    /** Quotes a field holding a comma, a quote or a line break; quotes inside are doubled. */
    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}

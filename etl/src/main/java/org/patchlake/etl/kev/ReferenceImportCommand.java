package org.patchlake.etl.kev;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code ./patchlake catalog import-kev FILE|URL [--warehouse DIR]} imports CISA's Known Exploited Vulnerabilities
 * catalog; {@code ./patchlake catalog import-epss FILE|URL [--warehouse DIR]} imports FIRST EPSS scores (CSV, gzip
 * accepted). The warehouse defaults to ./data/warehouse. Exit 0 when imported or unchanged, 1 when the file is refused
 * or cannot be read (the message names why; nothing changes), 2 on a usage error.
 */
public final class ReferenceImportCommand {
  public static final String KEV = "import-kev";
  public static final String EPSS = "import-epss";

  private ReferenceImportCommand() {
  }

  public static String usage(String command) {
    return command.equals(KEV)
        ? "usage: ./patchlake catalog import-kev FILE|URL [--warehouse DIR]\n"
            + "  FILE|URL: CISA's known_exploited_vulnerabilities.json (a file, or https://...)"
        : "usage: ./patchlake catalog import-epss FILE|URL [--warehouse DIR]\n"
            + "  FILE|URL: FIRST EPSS scores, CSV with the header cve,epss,percentile (gzip accepted)";
  }

  /** Runs {@code command} (import-kev or import-epss) on the arguments after it; returns the exit status. */
  public static int run(String command, List<String> args, PrintStream out, PrintStream err, Clock clock) {
    if (!command.equals(KEV) && !command.equals(EPSS)) {
      throw new IllegalArgumentException("not a reference import: " + command);
    }
    String source = null;
    Path warehouse = Path.of("data", "warehouse");
    for (int index = 0; index < args.size(); index++) {
      String arg = args.get(index);
      if (arg.equals("--help") || arg.equals("-h")) {
        out.println(usage(command));
        return 0;
      } else if (arg.equals("--warehouse") && index + 1 < args.size()) {
        warehouse = Path.of(args.get(++index));
      } else if (arg.startsWith("--warehouse=")) {
        warehouse = Path.of(arg.substring("--warehouse=".length()));
      } else if (arg.startsWith("--")) {
        err.println("unknown option " + arg + "\n" + usage(command));
        return 2;
      } else if (source == null) {
        source = arg;
      } else {
        err.println("more than one FILE|URL: '" + source + "' and '" + arg + "'\n" + usage(command));
        return 2;
      }
    }
    if (source == null) {
      err.println("FILE|URL is missing\n" + usage(command));
      return 2;
    }
    KevImporter importer = new KevImporter(warehouse, clock);
    try {
      out.print(command.equals(KEV) ? importer.importFrom(source).summary() : importer.importEpss(source));
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println((command.equals(KEV) ? "KEV" : "EPSS") + " import failed: " + e.getMessage());
      return 1;
    }
  }
}

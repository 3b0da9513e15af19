package org.patchlake.etl.kev;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code ./patchlake catalog import-kev FILE|URL [--warehouse DIR]}: imports CISA's Known Exploited Vulnerabilities
 * catalog into the warehouse (default ./data/warehouse). Exit 0 when imported or unchanged, 1 when the file is refused
 * or cannot be read (the message names why; nothing changes), 2 on a usage error.
 */
public final class KevCommand {
  public static final String USAGE = "usage: ./patchlake catalog import-kev FILE|URL [--warehouse DIR]\n"
      + "  FILE|URL: CISA's known_exploited_vulnerabilities.json (a file, or https://...)";

  private KevCommand() {
  }

  /** Runs the command on the arguments after "import-kev"; returns the exit status. */
  public static int run(List<String> args, PrintStream out, PrintStream err, Clock clock) {
    String source = null;
    Path warehouse = Path.of("data", "warehouse");
    for (int index = 0; index < args.size(); index++) {
      String arg = args.get(index);
      if (arg.equals("--help") || arg.equals("-h")) {
        out.println(USAGE);
        return 0;
      } else if (arg.equals("--warehouse") && index + 1 < args.size()) {
        warehouse = Path.of(args.get(++index));
      } else if (arg.startsWith("--warehouse=")) {
        warehouse = Path.of(arg.substring("--warehouse=".length()));
      } else if (arg.startsWith("--")) {
        err.println("unknown option " + arg + "\n" + USAGE);
        return 2;
      } else if (source == null) {
        source = arg;
      } else {
        err.println("more than one FILE|URL: '" + source + "' and '" + arg + "'\n" + USAGE);
        return 2;
      }
    }
    if (source == null) {
      err.println("FILE|URL is missing\n" + USAGE);
      return 2;
    }
    try {
      out.print(new KevImporter(warehouse, clock).importFrom(source).summary());
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println("KEV import failed: " + e.getMessage());
      return 1;
    }
  }
}

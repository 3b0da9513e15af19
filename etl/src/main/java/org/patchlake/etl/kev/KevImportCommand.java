package org.patchlake.etl.kev;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./patchlake catalog import-kev FILE|URL [--warehouse DIR]}:
 * exit 0 when imported or unchanged, 1 when the file is refused or cannot be read (the message names what was wrong;
 * nothing changes), 2 on a usage error.
 */
@Command(name = Commands.CATALOG_IMPORT_KEV, description = Commands.CATALOG_IMPORT_KEV_SUMMARY, sortOptions = false)
public final class KevImportCommand implements Callable<Integer> {
  @Mixin
  HelpOption help;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE|URL", description = "CISA's known_exploited_vulnerabilities.json: a path, or an "
      + "https:// address to download it from.")
  String source;

  @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "data/warehouse",
      description = "The warehouse directory. Default: ${DEFAULT-VALUE}.")
  Path warehouse;

  private final Clock clock;

  public KevImportCommand() {
    this(Clock.systemUTC());
  }

  /** With the clock that stamps the import (tests fix it). */
  public KevImportCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    try {
      spec.commandLine().getOut().print(new KevImporter(warehouse, clock).importFrom(source).summary());
      spec.commandLine().getOut().flush();
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("KEV import failed: " + e.getMessage());
      return 1;
    }
  }
}

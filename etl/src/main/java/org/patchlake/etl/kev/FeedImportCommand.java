package org.patchlake.etl.kev;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.patchlake.cli.HelpOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the KEV and EPSS import commands share: the warehouse option, the clock that stamps the import, and the
 * exit codes (0 when imported or unchanged, 1 when the file is refused or cannot be read, with the message naming
 * what was wrong).
 */
abstract class FeedImportCommand implements Callable<Integer> {
  @Mixin
  HelpOption help;

  @Spec
  CommandSpec spec;

  @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "data/warehouse",
      description = "The warehouse directory. Default: ${DEFAULT-VALUE}.")
  Path warehouse;

  private final String feed;
  private final Clock clock;

  FeedImportCommand(String feed, Clock clock) {
    this.feed = feed;
    this.clock = clock;
  }

  /** Imports the feed into the warehouse and returns the summary printed on success. */
  abstract String importInto(KevImporter importer) throws IOException;

  @Override
  public Integer call() {
    try {
      spec.commandLine().getOut().print(importInto(new KevImporter(warehouse, clock)));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      spec.commandLine().getErr().println(feed + " import failed: " + e.getMessage());
      return 1;
    }
  }
}

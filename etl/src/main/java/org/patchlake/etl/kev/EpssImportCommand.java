package org.patchlake.etl.kev;

import java.io.IOException;
import java.time.Clock;
import org.patchlake.cli.Commands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./patchlake catalog import-epss FILE|URL [--warehouse DIR]}:
 * exit 0 when imported or unchanged, 1 when the file is refused or cannot be read (the message names what was wrong;
 * nothing changes), 2 on a usage error.
 */
@Command(name = Commands.CATALOG_IMPORT_EPSS, description = Commands.CATALOG_IMPORT_EPSS_SUMMARY, sortOptions = false)
public final class EpssImportCommand extends FeedImportCommand {
  @Parameters(paramLabel = "FILE|URL", description = "FIRST EPSS scores: CSV with the header cve,epss,percentile (an "
      + "optional #model_version line first; gzip accepted), a path or an https:// address.")
  String source;

  public EpssImportCommand() {
    this(Clock.systemUTC());
  }

  /** With the clock that stamps the import (tests fix it). */
  public EpssImportCommand(Clock clock) {
    super("EPSS", clock);
  }

  @Override
  String importInto(KevImporter importer) throws IOException {
    return importer.importEpss(source);
  }
}

package org.patchlake.etl.kev;

import java.io.IOException;
import java.time.Clock;
import org.patchlake.cli.Commands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./patchlake catalog import-kev FILE|URL [--warehouse DIR]}:
 * exit 0 when imported or unchanged, 1 when the file is refused or cannot be read (the message names what was wrong;
 * nothing changes), 2 on a usage error.
 */
@Command(name = Commands.CATALOG_IMPORT_KEV, description = Commands.CATALOG_IMPORT_KEV_SUMMARY, sortOptions = false)
public final class KevImportCommand extends FeedImportCommand {
  @Parameters(paramLabel = "FILE|URL", description = "CISA's known_exploited_vulnerabilities.json: a path, or an "
      + "https:// address to download it from.")
  String source;

  public KevImportCommand() {
    this(Clock.systemUTC());
  }

  /** With the clock that stamps the import (tests fix it). */
  public KevImportCommand(Clock clock) {
    super("KEV", clock);
  }

  @Override
  String importInto(KevImporter importer) throws IOException {
    return importer.importFrom(source).summary();
  }
}

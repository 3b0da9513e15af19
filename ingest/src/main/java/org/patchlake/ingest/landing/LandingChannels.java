package org.patchlake.ingest.landing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * How ingest opens the files it appends to (landing files and the dedup log): the file system edge, so a test can
 * stand in a disk that fills up ({@code No space left on device}) at a chosen byte.
 */
@FunctionalInterface
public interface LandingChannels {
    /** The real file system. */
    LandingChannels FILE_SYSTEM = FileChannel::open;

    FileChannel open(Path file, OpenOption... options) throws IOException;
}

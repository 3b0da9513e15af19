package org.patchlake.ingest.landing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Coverage-guided fuzzing (Jazzer) of how recovery reads what a crash left in {@code _incoming}: any bytes (torn
 * members, garbage, members of other gzip writers) give a prefix of whole lines that recovery keeps, never an
 * exception; trimming to it is stable; and a gzip reader (ETL, zcat) reads exactly the lines recovery saw from that
 * prefix, so the dedup index learns the ids of precisely the messages ETL will read. The build runs the corpus in
 * {@code LandingRecoveryFuzzTestInputs/}; {@code ./patchlake bench fuzz landing-recovery} fuzzes.
 */
class LandingRecoveryFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void any_file_left_in_incoming_trims_to_whole_lines_that_every_gzip_reader_reads_alike(byte[] file) {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        long prefix = GzipMembers.validPrefix(file, file.length, seen::writeBytes);
        assertThat(prefix).isBetween(0L, (long) file.length);
        byte[] kept = Arrays.copyOf(file, (int) prefix);
        assertThat(GzipMembers.validPrefix(kept, kept.length, content -> { })).as("trimming is stable").isEqualTo(prefix);
        byte[] lines = seen.toByteArray();
        if (lines.length > 0) {
            assertThat(lines[lines.length - 1]).as("recovery keeps whole lines").isEqualTo((byte) '\n');
        }
        assertThat(gunzip(kept)).as("what a gzip reader reads from the kept prefix").isEqualTo(lines);
    }

    private static byte[] gunzip(byte[] bytes) {
        if (bytes.length == 0) {
            return bytes;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError("the prefix recovery keeps is not readable gzip: " + e, e);
        }
    }
}

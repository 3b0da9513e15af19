package org.patchlake.sample.fleet;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.patchlake.agent.endpoint.SimulatedMachine;
import org.patchlake.agent.endpoint.WindowsUpdateOffers;

/**
 * A fleet on disk: {@code DIR/fleet.jsonl.gz}, one {@link FleetMember} per line, streamed both ways so fleets of
 * 200,000 machines never sit in memory as one document, and {@code DIR/windows-update.json.gz}, the Windows Update
 * offers per product every member's simulated Windows Update Agent answers from (written once, not per machine).
 */
public final class FleetFiles {
    public static final String FILE_NAME = "fleet.jsonl.gz";
    public static final String WINDOWS_UPDATE_FILE_NAME = "windows-update.json.gz";

    private final ObjectMapper json = SimulatedMachine.json().disable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the fleet atomically: a reader never sees a half-written file. */
    public FleetSummary write(Path directory, FleetGenerator generator, FleetSpec spec, Consumer<Integer> progress) {
        return write(directory, generator, spec, progress, member -> { });
    }

    /** Writes the fleet atomically and hands each member to {@code each} too (the demo keeps them, unread). */
    public FleetSummary write(Path directory, FleetGenerator generator, FleetSpec spec, Consumer<Integer> progress,
                              Consumer<FleetMember> each) {
        requireNonNull(progress, "progress is null");
        requireNonNull(each, "each is null");
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(FILE_NAME);
            Path temporary = directory.resolve(FILE_NAME + ".tmp");
            FleetSummary.Builder summary = new FleetSummary.Builder();
            try (Writer out = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(temporary), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
                int[] written = {0};
                generator.generate(spec, member -> {
                    try {
                        out.write(json.writeValueAsString(member));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    summary.add(member);
                    each.accept(member);
                    if (++written[0] % 1000 == 0) {
                        progress.accept(written[0]);
                    }
                });
            }
            generator.windowsUpdateOffers().write(directory.resolve(WINDOWS_UPDATE_FILE_NAME));
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return summary.build();
        } catch (IOException e) {
            throw new UncheckedIOException("writing fleet to " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Reads the fleet member by member. */
    public void read(Path directory, Consumer<FleetMember> sink) {
        Path file = directory.resolve(FILE_NAME);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                try {
                    sink.accept(json.readValue(line, FleetMember.class));
                } catch (IOException e) {
                    throw new UncheckedIOException("fleet file " + file + " line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading fleet " + file + ": " + e.getMessage(), e);
        }
    }

    /** The Windows Update offers written beside the fleet. */
    public WindowsUpdateOffers readWindowsUpdateOffers(Path directory) {
        return WindowsUpdateOffers.read(directory.resolve(WINDOWS_UPDATE_FILE_NAME));
    }

    public List<FleetMember> readAll(Path directory) {
        List<FleetMember> members = new ArrayList<>();
        read(directory, members::add);
        return members;
    }
}

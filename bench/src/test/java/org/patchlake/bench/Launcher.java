package org.patchlake.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs ./patchlake as a user does, on what the build packaged (PATCHLAKE_NO_BUILD), output and errors together. */
final class Launcher {
    /** Tests run in bench/; the launcher is at the project's root. */
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    record Result(int exitCode, String output) {
    }

    private Launcher() {
    }

    static Result run(Path workingDirectory, long timeoutMinutes, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(HOME.resolve("patchlake").toString());
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workingDirectory, "patchlake-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PATCHLAKE_NO_BUILD", "1");
        builder.environment().put("PATCHLAKE_HEAP", "1536m");
        Process process = builder.start();
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError("./patchlake " + String.join(" ", args) + " did not end within " + timeoutMinutes
                    + " minutes; output:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(process.exitValue(), output);
    }
}

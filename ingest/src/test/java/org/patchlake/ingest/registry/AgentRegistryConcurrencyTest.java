package org.patchlake.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.core.protocol.EnrollRequest;
import org.patchlake.ingest.client.SampleInventories;
import org.patchlake.ingest.http.ProtocolJson;

/** Enrollments arriving at once share fsyncs (group commit) and still each end up in the log, in a consistent state. */
class AgentRegistryConcurrencyTest {
    private static final int AGENTS = 48;

    @Test
    void concurrent_enrollments_are_all_durable_and_a_repeated_hardware_id_keeps_its_computer(@TempDir Path ingest)
        throws Exception {
        AgentRegistry registry = registry(ingest);
        String token = registry.createToken("berlin", "emea", null).clearText();
        SampleInventories samples = new SampleInventories(7);
        List<Callable<EnrolledComputer>> work = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            EnrollRequest request = samples.enrollment(token, i % (AGENTS / 2));
            work.add(() -> registry.enroll(request));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<EnrolledComputer> enrolled = new ArrayList<>();
        try {
            for (Future<EnrolledComputer> result : pool.invokeAll(work)) {
                enrolled.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        // each hardware id enrolled twice: one computer, credential generations 1 and 2 (never two computers)
        Map<String, List<EnrolledComputer>> byHardware = enrolled.stream()
            .collect(Collectors.groupingBy(EnrolledComputer::hardwareId));
        assertThat(byHardware).hasSize(AGENTS / 2).allSatisfy((hardwareId, computers) -> {
            assertThat(computers).extracting(EnrolledComputer::computerId).containsOnly(computers.get(0).computerId());
            assertThat(computers).extracting(EnrolledComputer::credentialGeneration).containsExactlyInAnyOrder(1, 2);
        });
        // what was acknowledged is on disk: a registry opened afresh over the directory knows it all
        Map<String, EnrolledComputer> reread = registry(ingest).computers().stream()
            .collect(Collectors.toMap(EnrolledComputer::computerId, Function.identity()));
        assertThat(reread).hasSize(AGENTS / 2);
        for (List<EnrolledComputer> computers : byHardware.values()) {
            EnrolledComputer again = reread.get(computers.get(0).computerId());
            assertThat(again.hardwareId()).isEqualTo(computers.get(0).hardwareId());
            assertThat(again.credentialGeneration()).isEqualTo(2);
        }
    }

    private static AgentRegistry registry(Path ingest) {
        return new AgentRegistry(ingest, new ProtocolJson().mapper(), new SecureRandom(), Clock.systemUTC());
    }
}

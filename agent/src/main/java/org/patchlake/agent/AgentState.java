package org.patchlake.agent;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchlake.agent.policy.RestartRecord;
import org.patchlake.agent.policy.UpdateProgress;
import org.patchlake.core.protocol.AgentSettings;
import org.patchlake.core.protocol.Policy;

/**
 * What the agent remembers between ticks and across restarts of its process (and of the computer), stored as
 * one JSON file in the state directory, replaced atomically after each tick. Holds the agent's credential: the
 * state directory must be readable by the service account only (see agent/README.md).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class AgentState {

    String computerId;
    String agentSecret;
    AgentSettings settings = AgentSettings.DEFAULTS;
    List<Policy> policies = new ArrayList<>();
    Instant nextCheckInAt;
    Instant nextScanAt;
    Instant lastFullUploadAt;
    String lastInventoryDigest;
    Instant pendingRebootSince;
    Instant lastBootSeen;
    boolean rescanRequested;
    Map<String, UpdateProgress> progress = new LinkedHashMap<>();
    List<RestartRecord> restarts = new ArrayList<>();
    /** Ids of one-off actions (rescan, restart) already run, newest last; bounded. */
    List<String> actionsDone = new ArrayList<>();

    boolean enrolled() {
        return computerId != null && agentSecret != null;
    }

    static AgentState load(Path file, ObjectMapper json) {
        if (!Files.exists(file)) {
            return new AgentState();
        }
        try {
            return json.readValue(file.toFile(), AgentState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("agent state " + file + " is unreadable (" + e.getMessage()
                + "); move it aside to re-enroll", e);
        }
    }

    void save(Path file, ObjectMapper json, boolean fsync) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(json.writeValueAsBytes(this)));
            if (fsync) {
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("agent state " + file + ": cannot write: " + e.getMessage(), e);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("agent state " + file + ": cannot replace: " + e.getMessage(), e);
        }
    }
}

package org.patchlake.web.faults;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.patchlake.core.protocol.AgentProtocol;
import org.patchlake.ingest.client.ProtocolClient;
import org.patchlake.ingest.client.SampleInventories;
import org.patchlake.ingest.http.ProtocolJson;

/**
 * A steady load of signed gzip inventory uploads from enrolled agents, one thread each, as real agents behave: an upload
 * that is not acknowledged (the server died, refused with 503, or is restarting) is sent again with the same message id
 * and body until it is. Remembers every message it attempted and every acknowledgement, so landing can be checked
 * against them. {@link #target} moves the load to a restarted server.
 */
final class AgentLoad implements AutoCloseable {
    private final List<ProtocolClient.Credentials> agents;
    private final AtomicReference<ProtocolClient> client = new AtomicReference<>();
    private final ProtocolJson json = new ProtocolJson();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService threads;
    private final Map<String, byte[]> attempted = new ConcurrentHashMap<>();
    private final Map<String, ProtocolClient.Credentials> senders = new ConcurrentHashMap<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();

    AgentLoad(List<ProtocolClient.Credentials> agents, String baseUrl) {
        this.agents = List.copyOf(agents);
        target(baseUrl);
        this.threads = Executors.newFixedThreadPool(agents.size(), runnable -> {
            Thread thread = new Thread(runnable, "agent-load");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < agents.size(); i++) {
            int agent = i;
            threads.submit(() -> upload(agent));
        }
    }

    void target(String baseUrl) {
        client.set(new ProtocolClient(URI.create(baseUrl), Clock.systemUTC()));
    }

    private void upload(int agent) {
        SampleInventories samples = new SampleInventories(agent);
        ProtocolClient.Credentials credentials = agents.get(agent);
        for (int n = 0; running.get(); n++) {
            String id = "load-" + agent + "-" + n;
            byte[] body = json.write(samples.inventory(id, credentials.computerId(), agent, 300, Instant.now()));
            attempted.put(id, body);
            senders.put(id, credentials);
            while (running.get() && !send(id)) {
                pause();
            }
        }
    }

    /** One attempt; true when acknowledged. */
    boolean send(String id) {
        try {
            HttpResponse<String> answer = client.get().post(AgentProtocol.INVENTORY_PATH, senders.get(id), id, attempted.get(id), true);
            if (answer.statusCode() == 200) {
                if (answer.headers().firstValue(AgentProtocol.HEADER_DUPLICATE).isPresent()) {
                    duplicates.incrementAndGet();
                }
                acknowledged.add(id);
                return true;
            }
        } catch (RuntimeException serverGone) {
            // connection refused or reset: the server is being killed or restarted
        }
        failedAttempts.incrementAndGet();
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ids acknowledged so far (a live view). */
    Set<String> acknowledged() {
        return acknowledged;
    }

    Set<String> attempted() {
        return attempted.keySet();
    }

    /** Acknowledgements that said "stored before": a resend of an upload whose first copy landed before the kill. */
    long duplicates() {
        return duplicates.get();
    }

    long failedAttempts() {
        return failedAttempts.get();
    }

    /** Stops the agents (an upload in flight finishes or fails). */
    @Override
    public void close() {
        running.set(false);
        threads.shutdown();
        try {
            threads.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

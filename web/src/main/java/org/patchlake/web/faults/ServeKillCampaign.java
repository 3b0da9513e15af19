package org.patchlake.web.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.patchlake.ingest.client.ProtocolClient;
import org.patchlake.ingest.client.SampleInventories;
import org.patchlake.ingest.http.ProtocolJson;
import org.patchlake.ingest.landing.LandedEnvelopes;
import org.patchlake.ingest.registry.AgentRegistry;

/**
 * Kills {@code ./patchlake serve} with SIGKILL, again and again, under a steady load of signed uploads, and after every
 * restart counts the message ids in the landing files: every upload acknowledged before a kill must be there exactly
 * once, and no id twice. At the end every upload ever attempted has been acknowledged (agents resend until it is) and
 * is in landing exactly once. Kill times come from {@code seed}, so a failing campaign can be run again.
 * {@code ./patchlake bench faults ingest [--cycles 20] [--seed 1] [--data DIR]}.
 */
public final class ServeKillCampaign {
    static final int AGENTS = 8;
    /** Uploads acknowledged by each server before it is killed (so every cycle kills a server under load). */
    static final int ACKNOWLEDGED_PER_CYCLE = 20;

    /** What the campaign found: zero missing and zero duplicated is the guarantee. */
    public record Result(int cycles, int acknowledgedBeforeKills, int attempted, int missing, int duplicated, long duplicateAcks,
                         long failedAttempts) {
        public boolean held() {
            return missing == 0 && duplicated == 0;
        }
    }

    private ServeKillCampaign() {
    }

    public static void main(String[] args) throws Exception {
        CampaignArguments arguments;
        try {
            arguments = CampaignArguments.parse(args, "ingest", 20);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Result result = run(arguments.data(), arguments.count(), arguments.seed(), System.out);
        System.exit(result.held() ? 0 : 1);
    }

    public static Result run(Path data, int cycles, long seed, PrintStream out) throws Exception {
        Files.createDirectories(data);
        Path log = data.resolve("serve.log");
        Random random = new Random(seed);
        String token = new AgentRegistry(data.resolve("ingest"), new ProtocolJson().mapper(), new SecureRandom(), Clock.systemUTC())
                .createToken("hamburg", "emea", null).clearText();
        ServeChild serve = ServeChild.start(data, log);
        List<ProtocolClient.Credentials> agents = enroll(serve.baseUrl(), token);
        out.printf(Locale.ROOT, "serve kill campaign: %d cycles, seed %d, %d agents uploading, data %s%n", cycles, seed, AGENTS, data);
        int missingTotal = 0;
        int duplicatedTotal = 0;
        int checked = 0;
        try (AgentLoad load = new AgentLoad(agents, serve.baseUrl())) {
            for (int cycle = 1; cycle <= cycles; cycle++) {
                int before = load.acknowledged().size();
                awaitAcknowledged(load, before + ACKNOWLEDGED_PER_CYCLE, serve);
                long delay = random.nextInt(400);
                Thread.sleep(delay);
                long killedAt = System.nanoTime();
                serve.kill();
                Set<String> acknowledged = new HashSet<>(load.acknowledged());
                serve = ServeChild.start(data, log);
                double restartSeconds = (System.nanoTime() - killedAt) / 1e9;
                load.target(serve.baseUrl());
                Map<String, Long> landed = landedIds(data);
                int missing = (int) acknowledged.stream().filter(id -> !landed.containsKey(id)).count();
                int duplicated = (int) landed.values().stream().filter(count -> count > 1).count();
                missingTotal += missing;
                duplicatedTotal += duplicated;
                checked = acknowledged.size();
                out.printf(Locale.ROOT, "cycle %2d/%d: killed %3d ms after acknowledgement #%,d; %,6d acknowledged ids checked "
                        + "after restart (%.1f s): %d missing, %d duplicated%n", cycle, cycles, delay, before + ACKNOWLEDGED_PER_CYCLE,
                        acknowledged.size(), restartSeconds, missing, duplicated);
            }
            load.close();
            drain(load);
            serve.close();
            Map<String, Long> landed = landedIds(data);
            Set<String> attempted = new TreeSet<>(load.attempted());
            int missing = (int) attempted.stream().filter(id -> !landed.containsKey(id)).count();
            int duplicated = (int) landed.values().stream().filter(count -> count > 1).count();
            Result result = new Result(cycles, checked, attempted.size(), missingTotal + missing, duplicatedTotal + duplicated,
                    load.duplicates(), load.failedAttempts());
            out.printf(Locale.ROOT, "after a clean stop: %,d uploads attempted, all acknowledged (%,d resends answered 'stored "
                    + "before', %,d attempts refused or cut off by a kill); in landing: %d missing, %d duplicated%n",
                    attempted.size(), load.duplicates(), load.failedAttempts(), missing, duplicated);
            out.printf(Locale.ROOT, "result: %d SIGKILLs, %,d acknowledged ids checked, %d missing, %d duplicated: %s%n", cycles,
                    checked, result.missing(), result.duplicated(), result.held() ? "held" : "FAILED");
            return result;
        } finally {
            serve.close();
        }
    }

    /** Resends what was attempted but not acknowledged when the load stopped, until it is. */
    private static void drain(AgentLoad load) throws InterruptedException {
        for (String id : new TreeSet<>(load.attempted())) {
            for (int attempt = 0; !load.acknowledged().contains(id); attempt++) {
                if (!load.send(id)) {
                    if (attempt > 400) {
                        throw new IllegalStateException("upload " + id + " was never acknowledged");
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    private static void awaitAcknowledged(AgentLoad load, int count, ServeChild serve) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (load.acknowledged().size() < count) {
            if (System.nanoTime() > deadline || !serve.alive()) {
                throw new IllegalStateException("no upload load on the server (" + load.acknowledged().size() + " of " + count
                        + " acknowledged); see " + serve.log());
            }
            Thread.sleep(10);
        }
    }

    static Map<String, Long> landedIds(Path data) {
        return LandedEnvelopes.read(data, "inventory").stream()
                .collect(Collectors.groupingBy(line -> line.get("messageId").asText(), Collectors.counting()));
    }

    private static List<ProtocolClient.Credentials> enroll(String baseUrl, String token) {
        ProtocolClient client = new ProtocolClient(URI.create(baseUrl), Clock.systemUTC());
        ProtocolJson json = new ProtocolJson();
        SampleInventories samples = new SampleInventories(1);
        List<ProtocolClient.Credentials> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            HttpResponse<String> answer = client.enroll(json.write(samples.enrollment(token, i)));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("enrollment failed: " + answer.statusCode() + " " + answer.body());
            }
            try {
                JsonNode body = json.mapper().readTree(answer.body());
                agents.add(new ProtocolClient.Credentials(body.get("computerId").asText(), body.get("agentSecret").asText()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("enrollment answer is not JSON: " + answer.body(), e);
            }
        }
        return agents;
    }
}

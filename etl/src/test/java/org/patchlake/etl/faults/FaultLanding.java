package org.patchlake.etl.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.patchlake.core.catalog.GeneratedCatalog;

/**
 * Landing for the ETL kill campaign, over the generated catalog, in the envelope format ingest writes: a first batch
 * (enrollment and a full inventory of every computer) and a second (rescans with more updates installed, delivery
 * attempts, an exception, a resend of a first-batch message and a line that is not JSON), each in several files.
 */
final class FaultLanding {
    static final int COMPUTERS = 24;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] REGIONS = {"EMEA", "AMER"};

    private final Path landing;
    private final Random random = new Random(17);

    FaultLanding(Path landing) {
        this.landing = landing;
    }

    void firstBatch(Instant at) {
        List<String> enrollments = new ArrayList<>();
        List<String> inventories = new ArrayList<>();
        for (int c = 0; c < COMPUTERS; c++) {
            enrollments.add(enrollment(c, at).toString());
            inventories.add(inventory("inv-" + c + "-1", c, at, 3 + random.nextInt(6)).toString());
        }
        write("enrollment", at, "node1-00000000000000001", enrollments);
        write("inventory", at, "node1-00000000000000002", inventories.subList(0, COMPUTERS / 2));
        write("inventory", at, "node2-00000000000000001", inventories.subList(COMPUTERS / 2, COMPUTERS));
    }

    void secondBatch(Instant at) {
        List<String> rescans = new ArrayList<>();
        for (int c = 0; c < COMPUTERS; c += 3) {
            rescans.add(inventory("inv-" + c + "-2", c, at, 9 + random.nextInt(3)).toString());
        }
        rescans.add(inventory("inv-1-1", 1, at.minusSeconds(86_400), 4).toString());
        rescans.add("this line is not JSON");
        List<String> deliveries = new ArrayList<>();
        for (int c = 1; c < COMPUTERS; c += 4) {
            deliveries.add(delivery("dl-" + c, c, at, c % 8 == 1 ? "failed" : "succeeded").toString());
        }
        deliveries.add(exception("ev-1", 2, at).toString());
        write("inventory", at, "node1-00000000000000003", rescans.subList(0, rescans.size() / 2));
        write("inventory", at, "node2-00000000000000002", rescans.subList(rescans.size() / 2, rescans.size()));
        write("delivery", at, "node1-00000000000000004", deliveries);
    }

    private static String product(int computer) {
        return GeneratedCatalog.PRODUCTS.get(computer % GeneratedCatalog.PRODUCTS.size());
    }

    private static ObjectNode envelope(String messageId, String kind, String computer, Instant at) {
        ObjectNode node = JSON.createObjectNode().put("messageId", messageId).put("kind", kind);
        if (computer != null) {
            node.put("computerId", computer);
        }
        return node.put("receivedAt", at.toString()).put("protocolVersion", 1);
    }

    private static ObjectNode enrollment(int computer, Instant at) {
        ObjectNode node = envelope("enroll-c" + computer, "enrollment", "c" + computer, at);
        ObjectNode payload = node.putObject("payload").put("hostname", "WS" + computer).put("domain", "corp.example")
                .put("hardwareId", "hw-" + computer).put("region", REGIONS[computer % 2]).put("site", "site-" + computer % 3)
                .put("computerClass", computer % 5 == 0 ? "server" : "workstation").put("managedLevel", 1 + computer % 4)
                .put("agentVersion", "1.0.0");
        payload.putObject("os").put("product", product(computer)).put("name", "Microsoft Windows").put("build", "19045");
        return node;
    }

    private ObjectNode inventory(String messageId, int computer, Instant at, int releasesInstalled) {
        ObjectNode node = envelope(messageId, "inventory", "c" + computer, at);
        ObjectNode payload = node.putObject("payload").put("scannedAt", at.minusSeconds(60).toString()).put("agentVersion", "1.0.0");
        payload.putObject("os").put("product", product(computer)).put("name", "Microsoft Windows").put("build", "19045")
                .put("architecture", "x64");
        ArrayNode installed = payload.putArray("installedUpdates");
        int productIndex = computer % GeneratedCatalog.PRODUCTS.size();
        for (int release = 0; release < releasesInstalled; release++) {
            installed.addObject().put("kb", GeneratedCatalog.cumulativeKb(productIndex, release))
                    .put("installedOn", "2025-0" + (1 + release % 9) + "-1" + release % 10);
        }
        if (computer % 4 == 0) {
            installed.addObject().put("kb", "KB5950001").put("installedOn", "2025-02-03");
        }
        payload.put("pendingReboot", computer % 7 == 0).put("lastBootAt", at.minusSeconds(3 * 86_400).toString())
                .put("scanDurationMs", 1000 + computer).put("full", true);
        payload.putArray("scanErrors");
        return node;
    }

    private static ObjectNode delivery(String messageId, int computer, Instant at, String outcome) {
        ObjectNode node = envelope(messageId, "delivery", "c" + computer, at);
        node.putObject("payload").putArray("attempts").addObject().put("policyId", "p-1")
                .put("kb", GeneratedCatalog.cumulativeKb(computer % 3, 11)).put("attempt", 1)
                .put("startedAt", at.minusSeconds(600).toString()).put("endedAt", at.minusSeconds(300).toString())
                .put("returnCode", outcome.equals("failed") ? 1603 : 0).put("outcome", outcome);
        return node;
    }

    private static ObjectNode exception(String messageId, int computer, Instant at) {
        ObjectNode node = envelope(messageId, "event", null, at);
        node.putObject("payload").put("type", "exception").put("id", "web-exception-1").put("computerId", "c" + computer)
                .put("bulletinId", GeneratedCatalog.cumulativeKb(computer % 3, 11)).put("owner", "security-admin")
                .put("reason", "change freeze").put("createdAt", at.toString()).put("expiresAt", at.plusSeconds(30 * 86_400).toString());
        return node;
    }

    private void write(String kind, Instant at, String name, List<String> lines) {
        Path dir = landing.resolve(kind).resolve("dt=" + at.toString().substring(0, 10));
        try {
            Files.createDirectories(dir);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name + ".jsonl.gz")))) {
                for (String line : lines) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

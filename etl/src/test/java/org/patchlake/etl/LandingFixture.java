package org.patchlake.etl;

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
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Builds landing files the way ingest writes them: envelope JSON lines, gzip, landing/&lt;kind&gt;/dt=.../. */
public final class LandingFixture {
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String OS = "Windows 10 Version 1809 for x64-based Systems";

  private final Path landing;
  private final List<String> lines = new ArrayList<>();

  public LandingFixture(Path landing) {
    this.landing = landing;
  }

  public static ObjectNode envelope(String messageId, String kind, String computerId, Instant receivedAt) {
    ObjectNode node = JSON.createObjectNode();
    node.put("messageId", messageId);
    node.put("kind", kind);
    if (computerId != null) node.put("computerId", computerId);
    node.put("receivedAt", receivedAt.toString());
    node.put("protocolVersion", 1);
    return node;
  }

  public LandingFixture enrollment(String messageId, String computerId, Instant at, String region, String site,
      String computerClass) {
    ObjectNode node = envelope(messageId, "enrollment", computerId, at);
    ObjectNode payload = node.putObject("payload");
    payload.put("hostname", computerId.toUpperCase());
    payload.put("domain", "corp.example");
    payload.put("hardwareId", "hw-" + computerId);
    payload.put("region", region);
    payload.put("site", site);
    payload.put("ou", "OU=" + site);
    payload.put("computerClass", computerClass);
    payload.put("managedLevel", 2);
    payload.putObject("os").put("product", OS).put("name", "Windows 10 Enterprise").put("version", "10.0.17763")
        .put("build", "17763.5458").put("architecture", "x64");
    payload.put("agentVersion", "1.0.0");
    lines.add(node.toString());
    return this;
  }

  /** An inventory: installed maps KB to its install date (yyyy-MM-dd, or "pending:yyyy-MM-dd" awaiting a restart). */
  public LandingFixture inventory(String messageId, String computerId, Instant scannedAt, Instant receivedAt,
      List<String> products, Map<String, String> installed) {
    ObjectNode node = envelope(messageId, "inventory", computerId, receivedAt);
    ObjectNode payload = node.putObject("payload");
    payload.put("scannedAt", scannedAt.toString());
    payload.put("agentVersion", "1.0.0");
    payload.put("hostname", computerId.toUpperCase());
    payload.putObject("os").put("product", OS).put("name", "Windows 10 Enterprise").put("version", "10.0.17763")
        .put("build", "17763.5458").put("architecture", "x64");
    ArrayNode productList = payload.putArray("products");
    products.forEach(productList::add);
    ArrayNode list = payload.putArray("installed");
    boolean pending = false;
    for (Map.Entry<String, String> kb : installed.entrySet()) {
      ObjectNode item = list.addObject().put("kb", kb.getKey());
      String date = kb.getValue();
      if (date.startsWith("pending:")) {
        pending = true;
        item.put("pendingReboot", true);
        date = date.substring("pending:".length());
      }
      item.put("installedOn", date);
    }
    payload.put("pendingReboot", pending);
    payload.put("lastBootAt", scannedAt.minusSeconds(86_400 * 3).toString());
    payload.put("scanDurationMs", 1234);
    payload.putArray("errors");
    lines.add(node.toString());
    return this;
  }

  public LandingFixture delivery(String messageId, String computerId, Instant at, String kb, int attempt,
      String outcome, long returnCode) {
    ObjectNode node = envelope(messageId, "delivery", computerId, at);
    ObjectNode payload = node.putObject("payload");
    payload.put("policyId", "p-1");
    payload.put("kb", kb);
    payload.put("attempt", attempt);
    payload.put("startedAt", at.minusSeconds(600).toString());
    payload.put("endedAt", at.toString());
    payload.put("returnCode", returnCode);
    payload.put("outcome", outcome);
    lines.add(node.toString());
    return this;
  }

  public LandingFixture exception(String messageId, String exceptionId, String computerId, String bulletinId,
      Instant at, Instant expiresAt) {
    ObjectNode node = envelope(messageId, "event", null, at);
    ObjectNode payload = node.putObject("payload");
    payload.put("type", "exception");
    payload.put("id", exceptionId);
    payload.put("computerId", computerId);
    payload.put("bulletinId", bulletinId);
    payload.put("owner", "security-admin");
    payload.put("reason", "vendor application breaks");
    payload.put("createdAt", at.toString());
    payload.put("expiresAt", expiresAt.toString());
    lines.add(node.toString());
    return this;
  }

  /**
   * Adds Windows Update's verdict to the last inventory: completed with these missing security updates, or failed
   * with {@code errorCode} (then {@code missingKbs} must be empty).
   */
  public LandingFixture windowsUpdate(Instant searchedAt, String errorCode, String... missingKbs) {
    return amendLast(payload -> {
      ObjectNode verdict = payload.putObject("windowsUpdate").put("source", "ONLINE").put("searchedAt", searchedAt.toString());
      if (errorCode != null) verdict.put("errorCode", errorCode).put("errorMessage", "search failed");
      ArrayNode missing = verdict.putArray("missing");
      for (String kb : missingKbs) {
        missing.addObject().put("kb", kb).put("title", "Security update (" + kb + ")").put("updateId", "id-" + kb)
            .put("classification", kb.equals("KB2267602") ? "Definition Updates" : "Security Updates")
            .put("msrcSeverity", "Critical");
      }
    });
  }

  /** Changes the OS identity of the last enrollment or inventory (an agent that sends the short build, say). */
  public LandingFixture os(String version, String build) {
    return amendLast(payload -> ((ObjectNode) payload.get("os")).put("version", version).put("build", build));
  }

  private LandingFixture amendLast(java.util.function.Consumer<ObjectNode> change) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(lines.get(lines.size() - 1));
      change.accept((ObjectNode) node.get("payload"));
      lines.set(lines.size() - 1, node.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The lines collected since the last flush. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  public LandingFixture raw(String line) {
    lines.add(line);
    return this;
  }

  /** Writes the lines collected so far as one complete landing file and starts a new one. */
  public Path flush(String kind, String day, String name) {
    Path dir = landing.resolve(kind).resolve("dt=" + day);
    Path file = dir.resolve(name + ".jsonl.gz");
    try {
      Files.createDirectories(dir);
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        for (String line : lines) out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lines.clear();
    return file;
  }
}

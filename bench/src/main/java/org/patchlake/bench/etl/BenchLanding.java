package org.patchlake.bench.etl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/** Writes bench landing files exactly in the landing format (envelope JSON lines, gzip, renamed into place). */
final class BenchLanding {
  private static final JsonFactory JSON = new JsonFactory();
  private static final int LINES_PER_FILE = 2_000;
  private static final String[] OUTCOMES = {"succeeded", "succeeded", "succeeded", "succeeded", "succeeded",
      "succeeded", "succeeded_reboot_required", "failed_will_retry", "failed_will_retry", "failed",
      "outside_window"};
  private static final long[] CODES = {0, 0, 0, 0, 0, 0, 3010, 1603, 0x80240022L, 0x80070643L, 0};

  private final Path landing;
  private final BenchFleet fleet;
  private final long seed;
  final AtomicLong bytes = new AtomicLong();

  BenchLanding(Path landing, BenchFleet fleet, long seed) {
    this.landing = landing;
    this.fleet = fleet;
    this.seed = seed;
  }

  /** Enrollment and one full inventory of computers [0, n), scanned in the 4 hours before {@code at}. */
  void full(int n, Instant at) {
    chunks(n).parallel().forEach(chunk -> {
      int from = chunk * LINES_PER_FILE;
      int to = Math.min(n, from + LINES_PER_FILE);
      write("enrollment", at.minus(Duration.ofDays(30)), "bench-enroll-" + chunk, out -> {
        for (int i = from; i < to; i++) enrollment(out, fleet.computer(i, seed), at.minus(Duration.ofDays(30)));
      });
      write("inventory", at, "bench-full-" + chunk, out -> {
        for (int i = from; i < to; i++) {
          Random random = new Random(seed + i);
          Instant scanned = at.minusSeconds(random.nextInt(4 * 3600));
          inventory(out, fleet.computer(i, seed), "full-" + i, scanned, random, 0);
        }
      });
    });
  }

  /** A week of install attempts: a fifth of the computers, one to three attempts each. */
  void deliveries(int n, Instant at) {
    chunks(n).parallel().forEach(chunk -> write("delivery", at, "bench-delivery-" + chunk, out -> {
      int from = chunk * LINES_PER_FILE;
      for (int i = from; i < Math.min(n, from + LINES_PER_FILE); i++) {
        if (i % 5 != 0) continue;
        Random random = new Random(seed * 7 + i);
        BenchFleet.Computer computer = fleet.computer(i, seed);
        if (computer.updates().isEmpty()) continue;
        String kb = computer.updates().get(computer.updates().size() - 1).kb();
        int attempts = 1 + random.nextInt(3);
        for (int attempt = 1; attempt <= attempts; attempt++) {
          int pick = random.nextInt(OUTCOMES.length);
          Instant ended = at.minusSeconds(random.nextInt(7 * 86_400));
          delivery(out, computer.id(), "del-" + i + "-" + attempt, kb, attempt, OUTCOMES[pick], CODES[pick], ended);
        }
      }
    }));
  }

  /**
   * {@code count} rescans of random computers received in the {@code periodSeconds} before {@code at}, each with
   * one more update installed (an hour of uploads at the design point: 50,000 of 200,000).
   */
  void rescans(int n, int count, Instant at, long periodSeconds) {
    chunks(count).parallel().forEach(chunk -> write("inventory", at, "bench-rescan-" + at.getEpochSecond() + "-" + chunk, out -> {
      int from = chunk * LINES_PER_FILE;
      for (int k = from; k < Math.min(count, from + LINES_PER_FILE); k++) {
        Random random = new Random(seed * 31 + k);
        int i = random.nextInt(n);
        inventory(out, fleet.computer(i, seed), "hour-" + at.getEpochSecond() + "-" + k,
            at.minusSeconds(random.nextInt((int) periodSeconds)), new Random(seed + i), 1);
      }
    }));
  }

  private static IntStream chunks(int n) {
    return IntStream.range(0, (n + LINES_PER_FILE - 1) / LINES_PER_FILE);
  }

  private interface Lines {
    void write(JsonGenerator out) throws IOException;
  }

  private void write(String kind, Instant day, String name, Lines lines) {
    Path dir = landing.resolve(kind).resolve("dt=" + LocalDate.ofInstant(day, ZoneOffset.UTC));
    Path incoming = landing.resolve("_incoming").resolve(kind + "-" + name + ".jsonl.gz");
    try {
      Files.createDirectories(dir);
      Files.createDirectories(incoming.getParent());
      try (OutputStream file = new FastGzip(Files.newOutputStream(incoming));
           JsonGenerator out = JSON.createGenerator(file)) {
        out.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        lines.write(out);
        out.writeRaw('\n');
      }
      bytes.addAndGet(Files.size(incoming));
      Files.move(incoming, dir.resolve(name + ".jsonl.gz"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write bench landing file " + name, e);
    }
  }

  /** gzip at the fastest level: generation time matters more than a few MB here. */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(java.util.zip.Deflater.BEST_SPEED);
    }
  }

  private static void envelope(JsonGenerator out, String messageId, String kind, String computerId, Instant at)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("messageId", messageId);
    out.writeStringField("kind", kind);
    out.writeStringField("computerId", computerId);
    out.writeStringField("receivedAt", at.toString());
    out.writeNumberField("protocolVersion", 1);
    out.writeObjectFieldStart("payload");
  }

  private static void os(JsonGenerator out, BenchFleet.Os os) throws IOException {
    out.writeObjectFieldStart("os");
    out.writeStringField("name", os.name());
    out.writeStringField("version", os.version());
    out.writeStringField("build", os.build());
    out.writeStringField("architecture", "x64");
    out.writeStringField("product", os.product());
    out.writeEndObject();
  }

  private static void enrollment(JsonGenerator out, BenchFleet.Computer computer, Instant at) throws IOException {
    envelope(out, "enroll-" + computer.id() + "-1", "enrollment", computer.id(), at);
    out.writeStringField("computerId", computer.id());
    out.writeStringField("hostname", computer.id().toUpperCase());
    out.writeStringField("domain", "corp.example");
    os(out, computer.os());
    out.writeStringField("hardwareId", "hw-" + computer.id());
    out.writeStringField("agentVersion", "1.0.0");
    out.writeStringField("computerClass", computer.computerClass());
    out.writeNumberField("managedLevel", computer.computerClass().contains("server") ? 1 : 2);
    out.writeStringField("site", computer.site());
    out.writeStringField("region", computer.region());
    out.writeStringField("enrolledAt", at.toString());
    out.writeEndObject();
    out.writeEndObject();
  }

  private static void inventory(JsonGenerator out, BenchFleet.Computer computer, String messageId, Instant scanned,
      Random random, int extra) throws IOException {
    envelope(out, messageId, "inventory", computer.id(), scanned.plusSeconds(2));
    out.writeStringField("messageId", messageId);
    out.writeStringField("computerId", computer.id());
    out.writeStringField("scannedAt", scanned.toString());
    os(out, computer.os());
    out.writeArrayFieldStart("installedUpdates");
    List<String[]> installed = BenchFleet.installed(computer, random, extra);
    for (String[] kb : installed) {
      out.writeStartObject();
      out.writeStringField("kb", kb[0]);
      out.writeStringField("installedOn", kb[1]);
      out.writeStringField("source", "WINDOWS_UPDATE");
      out.writeEndObject();
    }
    out.writeEndArray();
    boolean pending = random.nextInt(100) < 8;
    out.writeObjectFieldStart("pendingReboot");
    out.writeBooleanField("pending", pending);
    out.writeArrayFieldStart("sources");
    if (pending) out.writeString("CBS");
    out.writeEndArray();
    if (pending) out.writeStringField("since", scanned.minusSeconds(86_400).toString());
    out.writeEndObject();
    out.writeStringField("lastBootAt", scanned.minusSeconds(3 * 86_400).toString());
    out.writeStringField("agentVersion", "1.0.0");
    out.writeNumberField("scanDurationMs", 500 + random.nextInt(5000));
    out.writeArrayFieldStart("scanErrors");
    out.writeEndArray();
    out.writeBooleanField("full", true);
    windowsUpdate(out, computer, scanned, random, extra);
    out.writeEndObject();
    out.writeEndObject();
  }

  /**
   * Windows Update's verdict as an agent sends it with every inventory: the updates past the computer's patch level
   * (the newest few, as a search lists them) and now and then a definition update.
   */
  private static void windowsUpdate(JsonGenerator out, BenchFleet.Computer computer, Instant scanned, Random random,
      int extra) throws IOException {
    out.writeObjectFieldStart("windowsUpdate");
    out.writeStringField("source", "ONLINE");
    out.writeStringField("searchedAt", scanned.minusSeconds(30).toString());
    out.writeArrayFieldStart("missing");
    java.util.Set<String> listed = new java.util.HashSet<>();
    List<org.patchlake.core.catalog.Update> updates = computer.updates();
    for (int i = updates.size() - 1; i >= Math.min(updates.size(), computer.patchLevel() + extra) && listed.size() < 8; i--) {
      org.patchlake.core.catalog.Update update = updates.get(i);
      if (listed.add(update.kb())) {
        out.writeStartObject();
        out.writeStringField("kb", update.kb());
        out.writeStringField("title", update.released() + " Security Update for " + update.product() + " (" + update.kb() + ")");
        out.writeStringField("updateId", java.util.UUID.nameUUIDFromBytes(update.updateId().getBytes(
            java.nio.charset.StandardCharsets.UTF_8)).toString());
        out.writeStringField("classification", "Security Updates");
        out.writeStringField("msrcSeverity", update.severity().label());
        out.writeEndObject();
      }
    }
    if (random.nextInt(100) < 30) {
      out.writeStartObject();
      out.writeStringField("kb", "KB2267602");
      out.writeStringField("title", "Security Intelligence Update for Microsoft Defender Antivirus - KB2267602");
      out.writeStringField("classification", "Definition Updates");
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  private static void delivery(JsonGenerator out, String computerId, String messageId, String kb, int attempt,
      String outcome, long code, Instant ended) throws IOException {
    envelope(out, messageId, "delivery", computerId, ended.plusSeconds(5));
    out.writeStringField("messageId", messageId);
    out.writeStringField("computerId", computerId);
    out.writeArrayFieldStart("attempts");
    out.writeStartObject();
    out.writeStringField("policyId", "policy-bench");
    out.writeStringField("kb", kb);
    out.writeNumberField("attempt", attempt);
    out.writeStringField("startedAt", ended.minusSeconds(300).toString());
    out.writeStringField("endedAt", ended.toString());
    out.writeNumberField("returnCode", code);
    out.writeStringField("outcome", outcome.toUpperCase());
    out.writeEndObject();
    out.writeEndArray();
    out.writeEndObject();
    out.writeEndObject();
  }
}

package org.patchlake.etl.landing;

import static org.patchlake.etl.landing.JsonFields.bool;
import static org.patchlake.etl.landing.JsonFields.instant;
import static org.patchlake.etl.landing.JsonFields.integer;
import static org.patchlake.etl.landing.JsonFields.longValue;
import static org.patchlake.etl.landing.JsonFields.object;
import static org.patchlake.etl.landing.JsonFields.requiredInstant;
import static org.patchlake.etl.landing.JsonFields.requiredText;
import static org.patchlake.etl.landing.JsonFields.text;
import static org.patchlake.etl.landing.JsonFields.texts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.patchlake.etl.transform.Rows;

/**
 * Turns one landing line (an envelope) into a {@link LandingSchemas#RECORD} row. Never throws for
 * bad input: a line that cannot be used comes back with {@code error} and {@code raw} set, for the quarantine.
 */
public final class LandingLineParser {
  public static final Set<String> KINDS = Set.of("enrollment", "inventory", "delivery", "event");
  private static final int MAX_RAW = 4096;

  private final ObjectMapper json = new ObjectMapper();
  private final java.time.Duration maxTimestampAhead;

  /** Agent times may lie at most 24 hours past the line's receivedAt (as ingest's default). */
  public LandingLineParser() {
    this(AgentTimes.DEFAULT_MAX_AHEAD);
  }

  /** Agent times (scans, installs, boots, deliveries, enrollments) may lie at most {@code maxTimestampAhead} past receivedAt. */
  public LandingLineParser(java.time.Duration maxTimestampAhead) {
    this.maxTimestampAhead = java.util.Objects.requireNonNull(maxTimestampAhead, "maxTimestampAhead is null");
  }

  public Row parse(String file, long line, String text) {
    try {
      return parseEnvelope(file, line, text);
    } catch (BadRecordException e) {
      return bad(file, line, e.getMessage(), text);
    } catch (JsonProcessingException e) {
      return bad(file, line, "not JSON: " + e.getOriginalMessage(), text);
    } catch (RuntimeException e) {
      return bad(file, line, "unreadable record: " + e, text);
    }
  }

  private Row parseEnvelope(String file, long line, String text) throws JsonProcessingException {
    if (text.isBlank()) throw new BadRecordException("empty line");
    JsonNode envelope = json.readTree(text);
    if (envelope == null || !envelope.isObject()) throw new BadRecordException("envelope is not a JSON object");
    String messageId = requiredText(envelope, "messageId");
    String kind = requiredText(envelope, "kind");
    if (!KINDS.contains(kind)) throw new BadRecordException("unknown kind '" + kind + "'");
    Integer version = integer(envelope, "protocolVersion");
    if (version != null && version != 1) throw new BadRecordException("unsupported protocolVersion " + version);
    String computerId = text(envelope, "computerId");
    Instant receivedAt = requiredInstant(envelope, "receivedAt");
    JsonNode payload = object(envelope, "payload");
    if (payload == null) throw new BadRecordException("field payload is missing");
    if (computerId == null && !kind.equals("event")) throw new BadRecordException("field computerId is missing");
    AgentTimes times = AgentTimes.receivedAt(receivedAt, maxTimestampAhead);
    Row inventory = kind.equals("inventory") ? inventory(payload, times) : null;
    Row enrollment = kind.equals("enrollment") ? enrollment(payload, receivedAt, times) : null;
    List<Row> deliveries = kind.equals("delivery") ? deliveries(payload, times) : null;
    Row event = kind.equals("event") ? event(payload, computerId, receivedAt) : null;
    return RowFactory.create(file, line, messageId, kind, computerId, receivedAt, inventory, enrollment,
        Rows.seq(deliveries), event, null, null);
  }

  private static Row bad(String file, long line, String reason, String text) {
    String raw = text.length() > MAX_RAW ? text.substring(0, MAX_RAW) + "..." : text;
    return RowFactory.create(file, line, null, null, null, null, null, null, null, null, reason, raw);
  }

  private static Row inventory(JsonNode payload, AgentTimes times) {
    JsonNode os = object(payload, "os");
    JsonNode osNode = os != null ? os : payload;
    String osPrefix = os != null ? "" : "os";
    List<Row> installed = new ArrayList<>();
    JsonNode items = payload.has("installedUpdates") ? payload.get("installedUpdates") : payload.get("installed");
    if (items != null && !items.isNull()) {
      if (!items.isArray()) throw new BadRecordException("field installed is not an array");
      for (JsonNode item : items) {
        if (item.isTextual()) {
          installed.add(RowFactory.create(JsonFields.kb("installedUpdates", item.asText()), null, null));
        } else {
          String kb = text(item, "kb") != null ? text(item, "kb") : text(item, "hotfixId");
          installed.add(RowFactory.create(JsonFields.kb("installedUpdates.kb", kb),
              times.check("installedUpdates.installedOn", instant(item, "installedOn")), bool(item, "pendingReboot")));
        }
      }
    }
    JsonNode reboot = payload.get("pendingReboot");
    Boolean pendingReboot;
    Instant pendingSince = times.check("pendingRebootSince", instant(payload, "pendingRebootSince"));
    if (reboot != null && reboot.isObject()) {
      pendingReboot = bool(reboot, "pending");
      if (pendingSince == null) pendingSince = times.check("pendingReboot.since", instant(reboot, "since"));
    } else {
      pendingReboot = bool(payload, "pendingReboot");
    }
    Long duration = longValue(payload, "scanDurationMs") != null ? longValue(payload, "scanDurationMs")
        : longValue(payload, "durationMs");
    List<String> errors = new ArrayList<>();
    JsonNode scanErrors = payload.get("scanErrors");
    if (scanErrors != null && scanErrors.isArray()) {
      for (JsonNode error : scanErrors) {
        errors.add(error.isObject() ? text(error, "code") + ": " + text(error, "message") : error.asText());
      }
    } else {
      errors.addAll(texts(payload, "errors"));
    }
    Boolean full = bool(payload, "full");
    return RowFactory.create(times.check("scannedAt", requiredInstant(payload, "scannedAt")), text(payload, "agentVersion"),
        text(payload, "hostname"), text(payload, "domain"),
        osField(osNode, osPrefix, "product"), osField(osNode, osPrefix, "name"), osField(osNode, osPrefix, "version"),
        osField(osNode, osPrefix, "build"), osField(osNode, osPrefix, "architecture"),
        osField(osNode, osPrefix, "servicePack"), Rows.seq(texts(payload, "products")), full == null || full,
        Rows.seq(installed), pendingReboot, pendingSince, times.check("lastBootAt", instant(payload, "lastBootAt")), duration,
        Rows.seq(errors), windowsUpdate(payload, times));
  }

  /** The optional windowsUpdate verdict (protocol v1, additive): null when the agent sent none. */
  private static Row windowsUpdate(JsonNode payload, AgentTimes times) {
    JsonNode verdict = payload.get("windowsUpdate");
    if (verdict == null || verdict.isNull()) return null;
    if (!verdict.isObject()) throw new BadRecordException("field windowsUpdate is not an object");
    List<Row> missing = new ArrayList<>();
    JsonNode items = verdict.get("missing");
    if (items != null && !items.isNull()) {
      if (!items.isArray()) throw new BadRecordException("field windowsUpdate.missing is not an array");
      for (JsonNode item : items) {
        if (!item.isObject()) throw new BadRecordException("field windowsUpdate.missing has an item that is not an object");
        String kb = text(item, "kb");
        missing.add(RowFactory.create(kb == null ? null : JsonFields.kb("windowsUpdate.missing.kb", kb),
            requiredText(item, "title"), text(item, "updateId"), text(item, "classification"), text(item, "msrcSeverity")));
      }
    }
    return RowFactory.create(requiredText(verdict, "source"),
        times.check("windowsUpdate.searchedAt", requiredInstant(verdict, "searchedAt")),
        text(verdict, "errorCode"), text(verdict, "errorMessage"), Rows.seq(missing));
  }

  private static String osField(JsonNode node, String prefix, String name) {
    String field = prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    return text(node, field);
  }

  private static Row enrollment(JsonNode payload, Instant receivedAt, AgentTimes times) {
    JsonNode os = object(payload, "os");
    JsonNode osNode = os != null ? os : payload;
    String osPrefix = os != null ? "" : "os";
    Instant enrolledAt = times.check("enrolledAt", instant(payload, "enrolledAt"));
    return RowFactory.create(text(payload, "hostname"), text(payload, "domain"), text(payload, "hardwareId"),
        text(payload, "region"), text(payload, "site"), text(payload, "ou"), computerClass(payload),
        integer(payload, "managedLevel"), osField(osNode, osPrefix, "product"), osField(osNode, osPrefix, "name"),
        osField(osNode, osPrefix, "version"), osField(osNode, osPrefix, "build"),
        osField(osNode, osPrefix, "architecture"), text(payload, "agentVersion"),
        enrolledAt != null ? enrolledAt : receivedAt);
  }

  /** computerClass as given, else the agent's computerClassHint (WORKSTATION -> workstation). */
  private static String computerClass(JsonNode payload) {
    String value = text(payload, "computerClass");
    if (value == null) value = text(payload, "computerClassHint");
    return value == null ? null : value.toLowerCase(java.util.Locale.ROOT);
  }

  private static List<Row> deliveries(JsonNode payload, AgentTimes times) {
    JsonNode list = payload.has("attempts") ? payload.get("attempts") : payload.get("deliveries");
    List<Row> out = new ArrayList<>();
    if (list == null || list.isNull()) {
      out.add(delivery(payload, times));
      return out;
    }
    if (!list.isArray()) throw new BadRecordException("field attempts is not an array");
    for (JsonNode item : list) out.add(delivery(item, times));
    return out;
  }

  private static Row delivery(JsonNode item, AgentTimes times) {
    String outcome = requiredText(item, "outcome").toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    if (!DeliveryOutcomes.ALL.contains(outcome)) throw new BadRecordException("unknown outcome '" + outcome + "'");
    return RowFactory.create(text(item, "policyId"), JsonFields.kb("kb", text(item, "kb")), text(item, "updateId"),
        integer(item, "attempt"), times.check("startedAt", instant(item, "startedAt")),
        times.check("endedAt", instant(item, "endedAt")),
        longValue(item, "returnCode"), outcome);
  }

  private static Row event(JsonNode payload, String envelopeComputerId, Instant receivedAt) {
    String type = requiredText(payload, "type").toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    String id = text(payload, "id");
    if (id == null) id = text(payload, type.equals("exception") ? "exceptionId" : "policyId");
    if (id == null) throw new BadRecordException("field id is missing");
    String computerId = text(payload, "computerId");
    Instant createdAt = instant(payload, "createdAt");
    return RowFactory.create(type, id, computerId != null ? computerId : envelopeComputerId,
        text(payload, "bulletinId"), text(payload, "owner"), text(payload, "reason"),
        createdAt != null ? createdAt : receivedAt, instant(payload, "expiresAt"), bool(payload, "revoked"),
        text(payload, "name"), payload.toString());
  }
}

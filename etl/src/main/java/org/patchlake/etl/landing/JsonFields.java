package org.patchlake.etl.landing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Field access on a payload: absent and JSON null read as null; a wrong type is a {@link BadRecordException}. */
final class JsonFields {
  private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT);

  private JsonFields() {}

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) return null;
    if (!value.isValueNode()) throw new BadRecordException("field " + field + " is not a string: " + value);
    return value.asText();
  }

  static String requiredText(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null || value.isBlank()) throw new BadRecordException("field " + field + " is missing");
    return value;
  }

  static Integer integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) return null;
    if (!value.canConvertToInt()) throw new BadRecordException("field " + field + " is not an integer: " + value);
    return value.intValue();
  }

  static Long longValue(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) return null;
    if (value.isTextual()) {
      String text = value.asText().trim();
      try {
        return text.startsWith("0x") || text.startsWith("0X")
            ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new BadRecordException("field " + field + " is not a number: '" + text + "'");
      }
    }
    if (!value.canConvertToLong()) throw new BadRecordException("field " + field + " is not a number: " + value);
    return value.longValue();
  }

  static Boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) return null;
    if (!value.isBoolean()) throw new BadRecordException("field " + field + " is not a boolean: " + value);
    return value.booleanValue();
  }

  /** An ISO instant, or a date (yyyy-MM-dd or M/d/yyyy as wmic prints it) read as its start in UTC. */
  static Instant instant(JsonNode node, String field) {
    String text = text(node, field);
    if (text == null || text.isBlank()) return null;
    return parseInstant(field, text.trim());
  }

  static Instant parseInstant(String field, String text) {
    try {
      if (text.length() > 10) return Instant.parse(text);
      if (text.contains("/")) return LocalDate.parse(text, US_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
      return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new BadRecordException("field " + field + " is not a date: '" + text + "'");
    }
  }

  static Instant requiredInstant(JsonNode node, String field) {
    Instant value = instant(node, field);
    if (value == null) throw new BadRecordException("field " + field + " is missing");
    return value;
  }

  static List<String> texts(JsonNode node, String field) {
    JsonNode value = node.get(field);
    List<String> out = new ArrayList<>();
    if (value == null || value.isNull()) return out;
    if (!value.isArray()) throw new BadRecordException("field " + field + " is not an array");
    for (JsonNode item : value) {
      if (item.isValueNode() && !item.isNull()) {
        out.add(item.asText());
      } else if (item.isObject()) {
        out.add(item.toString());
      }
    }
    return out;
  }

  static JsonNode object(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) return null;
    if (!value.isObject()) throw new BadRecordException("field " + field + " is not an object");
    return value;
  }

  /** "KB5034441", "kb5034441" and "5034441" all mean KB5034441. */
  static String kb(String field, String text) {
    if (text == null) throw new BadRecordException("field " + field + " is missing");
    String trimmed = text.trim().toUpperCase(Locale.ROOT);
    String digits = trimmed.startsWith("KB") ? trimmed.substring(2) : trimmed;
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
      throw new BadRecordException("field " + field + " is not a KB number: '" + text + "'");
    }
    return "KB" + digits;
  }
}

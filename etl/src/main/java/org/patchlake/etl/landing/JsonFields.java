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
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

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
    Instant fast = fastIsoInstant(text);
    if (fast != null) return fast;
    Instant value;
    try {
      if (text.length() > 10) value = Instant.parse(text);
      else if (text.contains("/")) value = LocalDate.parse(text, US_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
      else value = LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new BadRecordException("field " + field + " is not a date: '" + text + "'");
    }
    if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
      // Spark holds timestamps as microseconds: a year past about 294,000 overflowed in the job and failed the whole run
      throw new BadRecordException("field " + field + " is out of range (years 0001-9999): '" + text + "'");
    }
    return value;
  }

  /**
   * The two shapes agents send almost always, without a formatter (a landing batch holds millions of install dates):
   * {@code yyyy-MM-dd} and {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}; null for anything else (the general path).
   */
  static Instant fastIsoInstant(String text) {
    int length = text.length();
    if (length < 10 || !digits(text, 0, 4) || text.charAt(4) != '-' || !digits(text, 5, 7) || text.charAt(7) != '-'
        || !digits(text, 8, 10)) return null;
    int month = number(text, 5, 7);
    int day = number(text, 8, 10);
    if (month < 1 || month > 12 || day < 1 || day > 28) return null; // later days: the formatter checks the month
    long epochDay = LocalDate.of(number(text, 0, 4), month, day).toEpochDay();
    if (length == 10) return Instant.ofEpochSecond(epochDay * 86_400L);
    if (length < 20 || text.charAt(10) != 'T' || text.charAt(length - 1) != 'Z' || !digits(text, 11, 13)
        || text.charAt(13) != ':' || !digits(text, 14, 16) || text.charAt(16) != ':' || !digits(text, 17, 19)) {
      return null;
    }
    int hour = number(text, 11, 13);
    int minute = number(text, 14, 16);
    int second = number(text, 17, 19);
    if (hour > 23 || minute > 59 || second > 59) return null;
    int nanos = 0;
    if (length > 20) {
      int digitsEnd = length - 1;
      if (text.charAt(19) != '.' || digitsEnd - 20 < 1 || digitsEnd - 20 > 9 || !digits(text, 20, digitsEnd)) return null;
      nanos = number(text, 20, digitsEnd);
      for (int i = digitsEnd - 20; i < 9; i++) nanos *= 10;
    } else if (length != 20) {
      return null;
    }
    return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) value = value * 10 + (text.charAt(i) - '0');
    return value;
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

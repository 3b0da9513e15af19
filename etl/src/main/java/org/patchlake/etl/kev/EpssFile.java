package org.patchlake.etl.kev;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file of FIRST's EPSS scores: an optional first line {@code #model_version:v2023.03.01,score_date:2024-...},
 * the header {@code cve,epss,percentile}, then one CVE per line with its probability of exploitation in the next 30
 * days and its percentile, both between 0 and 1. A bad line is refused naming its number; nothing is imported then.
 */
public record EpssFile(String modelVersion, String scoreDate, List<Score> scores) {
  private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
  private static final Pattern META = Pattern.compile("#model_version:([^,]*),score_date:(.*)");

  public record Score(String cve, double epss, double percentile) {
    public Score {
      requireNonNull(cve, "cve is null");
    }
  }

  public EpssFile {
    scores = List.copyOf(requireNonNull(scores, "scores is null"));
  }

  public static EpssFile parse(byte[] bytes, String source) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String model = null;
    String date = null;
    List<Score> scores = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean header = false;
    try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
          continue;
        }
        String where = source + " line " + number;
        if (!header) {
          Matcher meta = META.matcher(trimmed);
          if (meta.matches() && model == null) {
            model = meta.group(1).strip();
            date = meta.group(2).strip();
            continue;
          }
          if (!trimmed.replace(" ", "").equalsIgnoreCase("cve,epss,percentile")) {
            throw new IllegalArgumentException(where + ": expected the header cve,epss,percentile, found '" + abbreviated(trimmed)
                + "'");
          }
          header = true;
          continue;
        }
        String[] fields = trimmed.split(",", -1);
        if (fields.length != 3) {
          throw new IllegalArgumentException(where + ": expected 3 fields (cve,epss,percentile), found " + fields.length);
        }
        String cve = fields[0].strip();
        if (!CVE.matcher(cve).matches()) {
          throw new IllegalArgumentException(where + ": cve '" + abbreviated(cve) + "' is not a CVE id such as CVE-2024-38063");
        }
        if (!seen.add(cve)) {
          throw new IllegalArgumentException(where + ": " + cve + " is listed twice");
        }
        scores.add(new Score(cve, fraction(fields[1], "epss", where), fraction(fields[2], "percentile", where)));
      }
    } catch (IOException e) {
      throw new IllegalStateException("reading a string failed", e);
    }
    if (!header) {
      throw new IllegalArgumentException(source + " has no header line cve,epss,percentile");
    }
    return new EpssFile(model == null ? "" : model, date == null ? "" : date, scores);
  }

  private static double fraction(String text, String field, String where) {
    double value;
    try {
      value = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": " + field + " '" + abbreviated(text) + "' is not a number");
    }
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(where + ": " + field + " " + text.strip() + " is not between 0 and 1");
    }
    return value;
  }

  private static String abbreviated(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}

package org.patchlake.agent.endpoint.windows;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Win32_QuickFixEngineering.InstalledOn is a string in whatever form the installer wrote it: the machine's short
 * date ({@code 03/04/2024} is 3 April on an en-GB machine, {@code 12.03.2019} on de-DE), the US form
 * {@code 3/12/2019}, {@code 20190312}, or a hexadecimal FILETIME ({@code 01d4d8f1c0a2b000}). The machine's short
 * date pattern ({@code LOCALE_SSHORTDATE}) is tried first, then the US form, then a day-first form (only reached when
 * the US form is impossible, such as {@code 13/03/2024}), then {@code yyyyMMdd} and ISO.
 */
public final class QuickFixDates {

    private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;
    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 1, 1);

    private final List<DateTimeFormatter> formats;
    private final String shortDatePattern;

    /**
     * @param windowsShortDatePattern the machine's {@code LOCALE_SSHORTDATE}, e.g. {@code dd/MM/yyyy}
     * @param locale                  the machine's locale (month names in patterns with {@code MMM})
     */
    public QuickFixDates(String windowsShortDatePattern, Locale locale) {
        requireNonNull(windowsShortDatePattern, "windowsShortDatePattern is null");
        requireNonNull(locale, "locale is null");
        this.shortDatePattern = windowsShortDatePattern;
        List<DateTimeFormatter> list = new ArrayList<>();
        list.add(formatter(windowsShortDatePattern, locale));
        list.add(formatter("M/d/yyyy", Locale.ROOT));
        list.add(formatter("d/M/yyyy", Locale.ROOT));
        list.add(DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT));
        list.add(DateTimeFormatter.ISO_LOCAL_DATE);
        this.formats = List.copyOf(list);
    }

    /** A US-English machine ({@code M/d/yyyy}). */
    public static QuickFixDates unitedStates() {
        return new QuickFixDates("M/d/yyyy", Locale.US);
    }

    public String shortDatePattern() {
        return shortDatePattern;
    }

    public Optional<LocalDate> parse(String installedOn) {
        if (installedOn == null || installedOn.isBlank()) {
            return Optional.empty();
        }
        String text = installedOn.strip();
        if (text.length() >= 15 && text.length() <= 16 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return fileTime(text);
        }
        for (DateTimeFormatter format : formats) {
            try {
                LocalDate date = LocalDate.parse(text, format);
                if (plausible(date)) {
                    return Optional.of(date);
                }
            } catch (DateTimeException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> fileTime(String hex) {
        long filetime = Long.parseUnsignedLong(hex, 16);
        if (filetime < 0) {
            return Optional.empty();
        }
        LocalDate date = LocalDate.ofInstant(
            Instant.ofEpochSecond(filetime / 10_000_000L - FILETIME_EPOCH_OFFSET_SECONDS), ZoneOffset.UTC);
        return plausible(date) ? Optional.of(date) : Optional.empty();
    }

    private static boolean plausible(LocalDate date) {
        return !date.isBefore(EARLIEST) && date.isBefore(LATEST);
    }

    /**
     * A Windows date picture ({@code d dd M MM MMM MMMM y yy yyyy g 'literal'}) as a strict java.time formatter.
     * Day and month parse with or without a leading zero; {@code yy} and {@code y} are two-digit years (2000-2099);
     * the era ({@code g}) and day names are left out of what must match only when the text carries none.
     */
    static DateTimeFormatter formatter(String windowsPattern, Locale locale) {
        StringBuilder java = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        int index = 0;
        while (index < windowsPattern.length()) {
            char c = windowsPattern.charAt(index);
            if (c == '\'') {
                int close = windowsPattern.indexOf('\'', index + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("short date pattern '" + windowsPattern + "' has an unclosed quote");
                }
                literal.append(windowsPattern, index + 1, close);
                index = close + 1;
                continue;
            }
            int run = 1;
            while (index + run < windowsPattern.length() && windowsPattern.charAt(index + run) == c) {
                run++;
            }
            String field = switch (c) {
                case 'd' -> run <= 2 ? "d" : run == 3 ? "EEE" : "EEEE";
                case 'M' -> run <= 2 ? "M" : run == 3 ? "MMM" : "MMMM";
                case 'y' -> run <= 2 ? "uu" : "uuuu";
                case 'g' -> ""; // the era name (Japanese, Thai calendars) is not in QFE dates
                default -> null;
            };
            if (field == null) {
                literal.append(String.valueOf(c).repeat(run));
            } else {
                literal(java, literal.toString());
                literal.setLength(0);
                java.append(field);
            }
            index += run;
        }
        literal(java, literal.toString());
        try {
            return DateTimeFormatter.ofPattern(java.toString(), locale).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("short date pattern '" + windowsPattern + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private static void literal(StringBuilder java, String text) {
        if (!text.isEmpty()) {
            java.append('\'').append(text.replace("'", "''")).append('\'');
        }
    }
}

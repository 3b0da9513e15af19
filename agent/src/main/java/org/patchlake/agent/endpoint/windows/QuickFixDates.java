package org.patchlake.agent.endpoint.windows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Win32_QuickFixEngineering.InstalledOn is a string in whatever form the installer wrote: {@code 3/12/2019}
 * (M/d/yyyy, the usual), {@code 20190312}, or a hexadecimal FILETIME ({@code 01d4d8f1c0a2b000}).
 */
public final class QuickFixDates {

    private static final List<DateTimeFormatter> FORMATS = List.of(
        DateTimeFormatter.ofPattern("M/d/uuuu"),
        DateTimeFormatter.ofPattern("uuuuMMdd"),
        DateTimeFormatter.ISO_LOCAL_DATE);
    private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;

    private QuickFixDates() {
    }

    public static Optional<LocalDate> parse(String installedOn) {
        if (installedOn == null || installedOn.isBlank()) {
            return Optional.empty();
        }
        String text = installedOn.trim();
        if (text.length() == 16 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            long filetime = Long.parseUnsignedLong(text, 16);
            Instant instant = Instant.ofEpochSecond(filetime / 10_000_000L - FILETIME_EPOCH_OFFSET_SECONDS);
            return Optional.of(LocalDate.ofInstant(instant, ZoneOffset.UTC));
        }
        for (DateTimeFormatter format : FORMATS) {
            try {
                return Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}

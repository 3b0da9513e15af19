package org.patchlake.agent.endpoint.windows;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * An OLE automation DATE (days since 1899-12-30 00:00 as a double, the fraction being the time of day) to an
 * instant, reading it as UTC, which is what the Windows Update Agent stores ({@code IUpdateHistoryEntry.Date}).
 * jna's {@code getDateProperty} reads it in the JVM's time zone instead. Before 1899-12-30 the day count is
 * negative while the time of day stays positive ({@code -1.25} is 1899-12-29 06:00).
 */
public final class OleAutomationDates {

    private static final LocalDateTime EPOCH = LocalDateTime.of(1899, 12, 30, 0, 0);
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private OleAutomationDates() {
    }

    public static Instant toInstant(double oleDate) {
        if (Double.isNaN(oleDate) || Double.isInfinite(oleDate) || Math.abs(oleDate) > 2_958_466) {
            throw new IllegalArgumentException("not an OLE automation date: " + oleDate);
        }
        long days = (long) oleDate;
        long millisOfDay = Math.round(Math.abs(oleDate - days) * MILLIS_PER_DAY);
        return EPOCH.plusDays(days).toInstant(ZoneOffset.UTC).plusMillis(millisOfDay);
    }
}

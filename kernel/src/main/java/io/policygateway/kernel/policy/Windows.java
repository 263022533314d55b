package io.policygateway.kernel.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** Calendar windows in UTC for quotas and budgets: when the current one started and ends. */
final class Windows {
    private Windows() {
    }

    /** @param period minute, day (daily), week (weekly), month (monthly) or year (annual) */
    static Instant start(String period, Instant now) {
        ZonedDateTime time = now.atZone(ZoneOffset.UTC);
        return switch (period) {
            case "minute" -> time.truncatedTo(ChronoUnit.MINUTES).toInstant();
            case "day", "daily" -> time.truncatedTo(ChronoUnit.DAYS).toInstant();
            case "week", "weekly" -> time.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC).toInstant();
            case "month", "monthly" -> LocalDate.of(time.getYear(), time.getMonth(), 1).atStartOfDay(ZoneOffset.UTC).toInstant();
            case "year", "annual" -> LocalDate.of(time.getYear(), 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
            default -> throw new IllegalArgumentException("unknown period " + period);
        };
    }

    static Instant end(String period, Instant now) {
        ZonedDateTime start = start(period, now).atZone(ZoneOffset.UTC);
        return switch (period) {
            case "minute" -> start.plusMinutes(1).toInstant();
            case "day", "daily" -> start.plusDays(1).toInstant();
            case "week", "weekly" -> start.plusWeeks(1).toInstant();
            case "month", "monthly" -> start.plusMonths(1).toInstant();
            case "year", "annual" -> start.plusYears(1).toInstant();
            default -> throw new IllegalArgumentException("unknown period " + period);
        };
    }

    /** A key suffix naming the window, e.g. {@code day:2026-11-22T00:00:00Z}. */
    static String key(String period, Instant now) {
        return period + ":" + start(period, now);
    }
}

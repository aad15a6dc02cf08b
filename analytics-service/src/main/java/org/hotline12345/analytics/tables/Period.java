package org.hotline12345.analytics.tables;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;

/** The periods of the city's calendar that figures are given per: a day, an ISO week or a month. */
public enum Period {

    DAY, WEEK, MONTH;

    /** The name a period has in requests and stored rollups: {@code day}, {@code week}, {@code month}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The period named {@code key} ({@code day}, {@code week} or {@code month}). */
    public static Period named(String key) {
        return valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }

    /** The name of the period holding {@code day}: {@code 2026-11-28}, {@code 2026-W48} or {@code 2026-11}. */
    public String of(LocalDate day) {
        return switch (this) {
            case DAY -> day.toString();
            case WEEK -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> day.toString().substring(0, 7);
        };
    }

    /** Every day of the period holding {@code day}, in order. */
    public List<LocalDate> daysAround(LocalDate day) {
        LocalDate first = switch (this) {
            case DAY -> day;
            case WEEK -> day.with(DayOfWeek.MONDAY);
            case MONTH -> day.withDayOfMonth(1);
        };
        LocalDate next = switch (this) {
            case DAY -> first.plusDays(1);
            case WEEK -> first.plusWeeks(1);
            case MONTH -> first.plusMonths(1);
        };
        return first.datesUntil(next).toList();
    }
}

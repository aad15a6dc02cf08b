package org.hotline12345.analytics.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;

/**
 * What the tables per unit and month of receipt share (the centre's decisions, the supporting units' parts): the
 * months asked for, this month by default and at most a year, and the city's rows before the units' in their CSV.
 */
public final class MonthTables {

    /** A year: the rollups answer it from a dozen month documents. */
    static final int MAX_DAYS = 366;

    private MonthTables() {
    }

    /**
     * The days of receipt asked for: to {@code to}, else today; from {@code from}, else the first of that month.
     * Refused naming {@code to} when it is before {@code from} or more than a year after it.
     */
    public static DayRange asked(LocalDate from, LocalDate to, CityCalendar calendar) {
        return DayRange.of(from, to, calendar.today(), end -> end.withDayOfMonth(1), MAX_DAYS);
    }

    /** {@code report} as JSON, or as CSV under {@code header}: the {@code city}'s rows, then the {@code units}'. */
    public static <T> ResponseEntity<?> respond(Object report, List<T> city, List<T> units, String accept,
            String header, Function<T, List<?>> cells) {
        List<T> rows = new ArrayList<>(city);
        rows.addAll(units);
        return Csv.respond(report, rows, accept, header, cells);
    }
}

package org.hotline12345.analytics.tables;

import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.hotline12345.platform.problem.InvalidRequestException;

/**
 * The days of the city's calendar a question is about, both inclusive.
 *
 * @param from the first day
 * @param to the last day
 */
public record DayRange(LocalDate from, LocalDate to) {

    /**
     * The range asked for: {@code to}, else {@code defaultEnd}; {@code from}, else the start {@code startFromEnd}
     * gives for that end. Refused naming {@code to} when it is before {@code from} or more than {@code maxDays}
     * after it.
     */
    public static DayRange of(LocalDate from, LocalDate to, LocalDate defaultEnd, UnaryOperator<LocalDate> startFromEnd,
            int maxDays) {
        LocalDate end = to == null ? defaultEnd : to;
        LocalDate start = from == null ? startFromEnd.apply(end) : from;
        if (end.isBefore(start) || start.plusDays(maxDays).isBefore(end)) {
            throw new InvalidRequestException("to", "range", "must be from 0 to " + maxDays + " days after from");
        }
        return new DayRange(start, end);
    }
}

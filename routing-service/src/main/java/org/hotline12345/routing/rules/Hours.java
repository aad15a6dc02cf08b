package org.hotline12345.routing.rules;

import java.time.LocalTime;

/**
 * A daily window of the city's wall-clock time, e.g. 22:00 to 06:00 for night-time rules. {@code from} is
 * included, {@code to} is not; a window whose end is before its start runs past midnight.
 */
public record Hours(LocalTime from, LocalTime to) {

    public boolean contains(LocalTime time) {
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to);
        }
        return !time.isBefore(from) || time.isBefore(to);
    }

    /** A window that starts when it ends holds no time at all. */
    public boolean empty() {
        return from.equals(to);
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}

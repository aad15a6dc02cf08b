package org.hotline12345.notification.delivery;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The night hours in which only urgent texts go out; the others wait until the morning. */
final class QuietHours {

    private final LocalTime from;
    private final LocalTime to;
    private final ZoneId zone;

    QuietHours(LocalTime from, LocalTime to, ZoneId zone) {
        this.from = from;
        this.to = to;
        this.zone = zone;
    }

    /** When a text made at {@code now} may go out. */
    Instant notBefore(Instant now, boolean urgent) {
        if (urgent || from.equals(to)) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = from.isAfter(to);
        boolean quiet = overnight ? !time.isBefore(from) || time.isBefore(to)
                : !time.isBefore(from) && time.isBefore(to);
        if (!quiet) {
            return now;
        }
        ZonedDateTime morning = local.with(to);
        if (!morning.isAfter(local)) {
            morning = morning.plusDays(1);
        }
        return morning.toInstant();
    }
}

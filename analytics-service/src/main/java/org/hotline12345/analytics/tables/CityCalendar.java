package org.hotline12345.analytics.tables;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.hotline12345.referencedata.City;
import org.springframework.stereotype.Component;

/** Today and this month as the city counts them, whatever the server's own time zone. */
@Component
public class CityCalendar {

    private final Clock clock;

    CityCalendar(Clock clock, City city) {
        this.clock = clock.withZone(city.zone());
    }

    /** The city's calendar, which days and months are counted in. */
    public ZoneId zone() {
        return clock.getZone();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public YearMonth thisMonth() {
        return YearMonth.now(clock);
    }

    public Instant now() {
        return clock.instant();
    }

    /** The city's day of an instant. */
    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone());
    }
}

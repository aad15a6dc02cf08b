package org.hotline12345.analytics.deadlines;

import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.hotline12345.analytics.rollups.Dimension;
import org.hotline12345.analytics.tables.CityCalendar;
import org.hotline12345.analytics.tables.Csv;
import org.hotline12345.analytics.tables.DayRange;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Time limits for tickets received in a period (this month by default), for the whole city or per unit, grid,
 * district or category. Read from the facts, so periods are bounded to a quarter.
 */
@RestController
@PreAuthorize("hasRole('ANALYST')")
@Validated
class DeadlinesController {

    private static final int MAX_DAYS = 92;

    private final DeadlinesQuery deadlines;
    private final CityCalendar calendar;

    DeadlinesController(DeadlinesQuery deadlines, CityCalendar calendar) {
        this.deadlines = deadlines;
        this.calendar = calendar;
    }

    @GetMapping(value = "/api/v1/analytics/deadlines", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.TEXT_CSV})
    Mono<ResponseEntity<?>> deadlines(
            @RequestParam(defaultValue = "city") @Pattern(regexp = "city|unit|grid|district|category") String groupBy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestHeader(name = "Accept", required = false) String accept) {
        DayRange days = DayRange.of(from, to, calendar.today(), end -> end.withDayOfMonth(1), MAX_DAYS);
        return deadlines.of(days, Dimension.named(groupBy))
                .map(rows -> Csv.respond(new Report(days.from(), days.to(), groupBy, rows), rows, accept,
                        TimeLimits.CSV_HEADER, TimeLimits::cells));
    }

    /** The figures of a period. */
    record Report(LocalDate from, LocalDate to, String groupBy, List<TimeLimits> groups) {
    }
}

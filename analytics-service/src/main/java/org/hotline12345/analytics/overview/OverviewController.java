package org.hotline12345.analytics.overview;

import java.time.LocalDate;
import java.util.List;
import org.hotline12345.analytics.tables.CityCalendar;
import org.hotline12345.analytics.tables.Csv;
import org.hotline12345.analytics.tables.DayRange;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The overview analysts open first: today's tickets by default, any period of days on request. */
@RestController
@PreAuthorize("hasRole('ANALYST')")
class OverviewController {

    private static final int MAX_DAYS = 366;

    private final OverviewQuery overview;
    private final CityCalendar calendar;

    OverviewController(OverviewQuery overview, CityCalendar calendar) {
        this.overview = overview;
        this.calendar = calendar;
    }

    @GetMapping(value = "/api/v1/analytics/overview", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.TEXT_CSV})
    Mono<ResponseEntity<?>> overview(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestHeader(name = "Accept", required = false) String accept) {
        // one day given is that day alone; none is today
        DayRange days = DayRange.of(from, to, from != null ? from : calendar.today(), end -> end, MAX_DAYS);
        return overview.of(days).map(o -> Csv.respond(o, List.of(o), accept, Overview.CSV_HEADER, Overview::cells));
    }
}

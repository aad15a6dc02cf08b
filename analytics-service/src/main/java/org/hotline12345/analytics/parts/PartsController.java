package org.hotline12345.analytics.parts;

import java.time.LocalDate;
import org.hotline12345.analytics.tables.CityCalendar;
import org.hotline12345.analytics.tables.Csv;
import org.hotline12345.analytics.tables.MonthTables;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The supporting units' parts (协办), per unit and month of receipt (this month by default), as JSON or, with
 * {@code Accept: text/csv}, as CSV: for the analysts, and for the supervisors who add and waive parts.
 */
@RestController
@PreAuthorize("hasAnyRole('ANALYST', 'SUPERVISOR')")
class PartsController {

    private final PartsQuery parts;
    private final CityCalendar calendar;

    PartsController(PartsQuery parts, CityCalendar calendar) {
        this.parts = parts;
        this.calendar = calendar;
    }

    @GetMapping(value = "/api/v1/analytics/parts", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.TEXT_CSV})
    Mono<ResponseEntity<?>> parts(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestHeader(name = "Accept", required = false) String accept) {
        return parts.of(MonthTables.asked(from, to, calendar)).map(report -> MonthTables.respond(report,
                report.city(), report.units(), accept, PartFigures.CSV_HEADER, PartFigures::cells));
    }
}

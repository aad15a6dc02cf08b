package org.hotline12345.analytics.decisions;

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
 * The centre's decisions on returns and requests for more time, per unit and month of receipt (this month by
 * default), as JSON or, with {@code Accept: text/csv}, as CSV: for the analysts, and for the supervisors who make
 * the decisions.
 */
@RestController
@PreAuthorize("hasAnyRole('ANALYST', 'SUPERVISOR')")
class DecisionsController {

    private final DecisionsQuery decisions;
    private final CityCalendar calendar;

    DecisionsController(DecisionsQuery decisions, CityCalendar calendar) {
        this.decisions = decisions;
        this.calendar = calendar;
    }

    @GetMapping(value = "/api/v1/analytics/decisions", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.TEXT_CSV})
    Mono<ResponseEntity<?>> decisions(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestHeader(name = "Accept", required = false) String accept) {
        return decisions.of(MonthTables.asked(from, to, calendar)).map(report -> MonthTables.respond(report,
                report.city(), report.units(), accept, DecisionFigures.CSV_HEADER, DecisionFigures::cells));
    }
}

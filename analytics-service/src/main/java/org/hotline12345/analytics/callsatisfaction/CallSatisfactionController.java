package org.hotline12345.analytics.callsatisfaction;

import java.time.LocalDate;
import org.hotline12345.analytics.tables.CityCalendar;
import org.hotline12345.analytics.tables.DayRange;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** 受理满意度 for a period of days: this month so far unless asked otherwise. */
@RestController
@PreAuthorize("hasRole('ANALYST')")
class CallSatisfactionController {

    private static final int MAX_DAYS = 366;

    private final CallSatisfactionQuery query;
    private final CityCalendar calendar;

    CallSatisfactionController(CallSatisfactionQuery query, CityCalendar calendar) {
        this.query = query;
        this.calendar = calendar;
    }

    @GetMapping("/api/v1/analytics/call-satisfaction")
    Mono<CallSatisfaction> callSatisfaction(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        DayRange days = DayRange.of(from, to, calendar.today(), end -> end.withDayOfMonth(1), MAX_DAYS);
        return query.of(days);
    }
}

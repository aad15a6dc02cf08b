package org.hotline12345.analytics.knowledge;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.hotline12345.analytics.tables.CityCalendar;
import org.hotline12345.analytics.tables.DayRange;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The knowledge base's figures for a period of days: this month so far unless asked otherwise. */
@RestController
@PreAuthorize("hasRole('ANALYST')")
@Validated
class KnowledgeFiguresController {

    private static final int MAX_DAYS = 366;

    private final KnowledgeQuery query;
    private final CityCalendar calendar;

    KnowledgeFiguresController(KnowledgeQuery query, CityCalendar calendar) {
        this.query = query;
        this.calendar = calendar;
    }

    @GetMapping("/api/v1/analytics/knowledge")
    Mono<KnowledgeFigures> knowledge(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int top) {
        DayRange days = DayRange.of(from, to, calendar.today(), end -> end.withDayOfMonth(1), MAX_DAYS);
        return query.of(days, top);
    }
}

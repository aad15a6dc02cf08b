package org.hotline12345.analytics.rates;

import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.hotline12345.analytics.rollups.Dimension;
import org.hotline12345.analytics.tables.CityCalendar;
import org.hotline12345.analytics.tables.Csv;
import org.hotline12345.analytics.tables.DayRange;
import org.hotline12345.analytics.tables.Period;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The three rates and the monthly ranking, as JSON or, with {@code Accept: text/csv}, as CSV. */
@RestController
@RequestMapping("/api/v1/analytics")
@PreAuthorize("hasRole('ANALYST')")
@Validated
class RatesController {

    private static final int MAX_DAYS = 366;
    private static final String RANKING_CSV_HEADER = "rank,unitId,unitName,composite,responseRate,resolutionRate,"
            + "satisfactionRate,assigned,resolved,rated,previousRank,compositeChange";

    private final RateQueries queries;
    private final CityCalendar calendar;

    RatesController(RateQueries queries, CityCalendar calendar) {
        this.queries = queries;
        this.calendar = calendar;
    }

    @GetMapping(value = "/rates", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.TEXT_CSV})
    Mono<ResponseEntity<?>> rates(
            @RequestParam(defaultValue = "unit") @Pattern(regexp = "unit|grid|district|category|city") String groupBy,
            @RequestParam(defaultValue = "month") @Pattern(regexp = "day|week|month") String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestHeader(name = "Accept", required = false) String accept) {
        DayRange days = DayRange.of(from, to, calendar.today(), end -> end.withDayOfMonth(1), MAX_DAYS);
        return queries.counts(Dimension.named(groupBy), Period.named(period), days)
                .map(rows -> rows.stream().map(RateRow::of).toList())
                .map(rows -> Csv.respond(rows, accept, RateRow.CSV_HEADER, RateRow::cells));
    }

    @GetMapping(value = "/ranking", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.TEXT_CSV})
    Mono<ResponseEntity<?>> ranking(@RequestParam(required = false) String month,
            @RequestHeader(name = "Accept", required = false) String accept) {
        return queries.ranking(month == null ? calendar.thisMonth() : month(month))
                .map(entries -> Csv.respond(entries, accept, RANKING_CSV_HEADER, e -> Arrays.asList(e.rank(),
                        e.unitId(), e.unitName(), e.composite(), e.responseRate(), e.resolutionRate(),
                        e.satisfactionRate(), e.assigned(), e.resolved(), e.rated(), e.previousRank(),
                        e.compositeChange())));
    }

    private static YearMonth month(String month) {
        try {
            if (month.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(month);
            }
        } catch (DateTimeParseException notAMonth) {
            // answered below as any other malformed month
        }
        throw new InvalidRequestException("month", "format", "must be a month as yyyy-MM, e.g. 2026-11");
    }

    /** One group in one period with its counts and rates. */
    record RateRow(String group, String period, long received, long assigned, long acceptedOnTime,
            Double responseRate, long rated, long solved, Double resolutionRate, long satisfied,
            Double satisfactionRate, Double composite) {

        static final String CSV_HEADER = "group,period,received,assigned,acceptedOnTime,responseRate,rated,solved,"
                + "resolutionRate,satisfied,satisfactionRate,composite";

        static RateRow of(RateCounts c) {
            return new RateRow(c.group(), c.period(), c.received(), c.assigned(), c.acceptedOnTime(),
                    c.responseRate(), c.rated(), c.solved(), c.resolutionRate(), c.satisfied(),
                    c.satisfactionRate(), c.composite());
        }

        List<?> cells() {
            return Arrays.asList(group, period, received, assigned, acceptedOnTime, responseRate, rated, solved,
                    resolutionRate, satisfied, satisfactionRate, composite);
        }
    }
}

package org.hotline12345.analytics.hotspots;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.Arrays;
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
 * Where complaints pile up in a period (the last 30 days by default): the grids with the most tickets, each with
 * its categories; per category the grids with the most; and the clusters of tickets linked to one ticket, as
 * repeat calls or other reports of the same incident, largest first. CSV gives the grids table, or the clusters
 * with {@code table=clusters}.
 */
@RestController
@PreAuthorize("hasRole('ANALYST')")
@Validated
class HotspotsController {

    private static final int MAX_DAYS = 92;

    private final HotspotsQuery hotspots;
    private final CityCalendar calendar;

    HotspotsController(HotspotsQuery hotspots, CityCalendar calendar) {
        this.hotspots = hotspots;
        this.calendar = calendar;
    }

    @GetMapping(value = "/api/v1/analytics/hotspots", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.TEXT_CSV})
    Mono<ResponseEntity<?>> hotspots(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{2,40}") String category,
            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "grids") @Pattern(regexp = "grids|clusters") String table,
            @RequestHeader(name = "Accept", required = false) String accept) {
        DayRange days = DayRange.of(from, to, calendar.today(), end -> end.minusDays(29), MAX_DAYS);
        return hotspots.of(days, category, limit).map(h -> "clusters".equals(table)
                ? Csv.respond(h, h.clusters(), accept, "ticketNumber,category,gridId,district,linkedTickets,"
                        + "repeatCalls", c -> Arrays.asList(c.ticketNumber(), c.category(), c.gridId(), c.district(),
                        c.linkedTickets(), c.repeatCalls()))
                : Csv.respond(h, h.grids(), accept, "gridId,district,tickets,topCategory",
                        g -> Arrays.asList(g.gridId(), g.district(), g.tickets(), g.topCategory())));
    }
}

package org.hotline12345.analytics.volume;

import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
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
 * Ticket volume in a period (city days, today by default), by hour of the day or by day, each bucket with its
 * categories, and the total against the period of the same length just before.
 */
@RestController
@PreAuthorize("hasRole('ANALYST')")
@Validated
class VolumeController {

    private static final int MAX_DAYS = 366;

    private final VolumeQuery volume;
    private final CityCalendar calendar;

    VolumeController(VolumeQuery volume, CityCalendar calendar) {
        this.volume = volume;
        this.calendar = calendar;
    }

    @GetMapping(value = "/api/v1/analytics/volume", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.TEXT_CSV})
    Mono<ResponseEntity<?>> volume(@RequestParam(defaultValue = "hour") @Pattern(regexp = "hour|day") String by,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestHeader(name = "Accept", required = false) String accept) {
        DayRange days = DayRange.of(from, to, calendar.today(), end -> end, MAX_DAYS);
        return volume.of(days, VolumeQuery.BucketBy.valueOf(by.toUpperCase(Locale.ROOT)))
                .map(v -> Csv.respond(v, v.buckets().stream().flatMap(bucket -> bucket.byCategory().entrySet()
                                .stream().map(e -> Arrays.asList(bucket.bucket(), e.getKey(), e.getValue())))
                        .toList(), accept, by + ",category,tickets", row -> row));
    }
}

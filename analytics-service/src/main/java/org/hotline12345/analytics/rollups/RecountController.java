package org.hotline12345.analytics.rollups;

import java.time.LocalDate;
import org.hotline12345.analytics.tables.CityCalendar;
import org.hotline12345.analytics.tables.DayRange;
import org.hotline12345.platform.problem.FieldCodes;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Administrators count the rollups of a period of the city's days again from the facts: after a release that adds
 * a counter (rollups stored before it read zero for it), or after facts were repaired by hand.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class RecountController {

    /** A quarter at most: one recount holds the lease the refresh needs, so it must stay short. */
    private static final int MOST_DAYS = 92;

    private final RollupRecount recount;
    private final CityCalendar calendar;

    RecountController(RollupRecount recount, CityCalendar calendar) {
        this.recount = recount;
        this.calendar = calendar;
    }

    @PostMapping("/api/v1/admin/rollups/recount")
    Mono<RollupRecount.Recounted> recount(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        DayRange days = DayRange.of(from, to, to, end -> end, MOST_DAYS - 1);
        if (days.to().isAfter(calendar.today())) {
            throw new InvalidRequestException("to", FieldCodes.RANGE, "must not be after today, "
                    + calendar.today());
        }
        return recount.recount(days).switchIfEmpty(Mono.error(() -> new ResponseStatusException(
                HttpStatus.CONFLICT, "The rollups are being counted by another recount; try again in a minute.")));
    }
}

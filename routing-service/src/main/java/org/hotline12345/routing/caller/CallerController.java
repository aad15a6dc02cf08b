package org.hotline12345.routing.caller;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The caller's number for a call back, to the unit holding the ticket and to supervisors (a ticket outside the
 * caller's reach is 404), and the record of who read it, to supervisors.
 */
@RestController
@RequestMapping("/api/v1/tickets/{ticketId}")
class CallerController {

    private final CallerReveals reveals;

    CallerController(CallerReveals reveals) {
        this.reveals = reveals;
    }

    /** A POST, since reading the number is recorded; the answer is never cached. */
    @PostMapping("/caller")
    @PreAuthorize("hasAnyRole('UNIT', 'GRID_WORKER', 'SUPERVISOR')")
    Mono<ResponseEntity<CallerReveals.Revealed>> reveal(@PathVariable String ticketId) {
        return reveals.reveal(ticketId).map(revealed -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(revealed));
    }

    @GetMapping("/caller-reveals")
    @PreAuthorize("hasRole('SUPERVISOR')")
    Flux<CallerReveal.View> reveals(@PathVariable String ticketId) {
        return reveals.of(ticketId);
    }
}

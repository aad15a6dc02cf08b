package org.hotline12345.intake.tickets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The operator's API: register a call, look at a ticket registered here. */
@RestController
@RequestMapping("/api/v1")
@Validated
class CallController {

    private final TicketRegistration registration;
    private final CallCheck check;
    private final TicketViews views;

    CallController(TicketRegistration registration, CallCheck check, TicketViews views) {
        this.registration = registration;
        this.check = check;
        this.views = views;
    }

    /**
     * What the console shows while the caller speaks: the suggested category, urgency cues, the place, the open
     * ticket the call would join, and the caller's ticket settled in the last 7 days. Nothing is stored; the
     * registration decides the link again when saving.
     */
    @PostMapping("/calls/check")
    @PreAuthorize("hasRole('OPERATOR')")
    Mono<CallCheck.Result> check(@Valid @RequestBody CallCheck.Request request) {
        return check.check(request);
    }

    /**
     * 202 with the ticket number once the ticket is stored and its event acknowledged by Kafka. The body is
     * validated by the registration, so that field constraints and domain rules are reported together.
     */
    @PostMapping("/calls")
    @PreAuthorize("hasRole('OPERATOR')")
    Mono<ResponseEntity<TicketReceipt>> registerCall(@RequestBody CallRequest call,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey) {
        return registration.registerCall(call, idempotencyKey)
                .map(receipt -> ResponseEntity.accepted()
                        .location(URI.create("/api/v1/intake/tickets/" + receipt.ticketId()))
                        .body(receipt));
    }

    @GetMapping("/intake/tickets/{ticketId}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPERVISOR')")
    Mono<TicketView> ticket(@PathVariable String ticketId) {
        return views.view(ticketId);
    }
}

package org.hotline12345.intake.channels;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline12345.contracts.Channel;
import org.hotline12345.platform.pii.PhoneNumbers;
import org.hotline12345.intake.tickets.TicketReceipt;
import org.hotline12345.intake.tickets.TicketRegistration;
import org.hotline12345.platform.pii.ContactSealer;
import org.hotline12345.platform.problem.FieldCodes;
import org.hotline12345.platform.problem.FieldError;
import org.hotline12345.platform.ratelimits.ClientAddresses;
import org.hotline12345.platform.ratelimits.RateLimits;
import org.hotline12345.referencedata.Grid;
import org.hotline12345.referencedata.City;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The channels besides the operator's: the website's complaint form and the status look-up, both public and
 * rate-limited, and grid workers' reports.
 */
@RestController
@RequestMapping("/api/v1")
@Validated
class ChannelController {

    private final TicketRegistration registration;
    private final PublicStatus status;
    private final RateLimits limits;
    private final ClientAddresses clients;
    private final ChannelLimits settings;
    private final ContactSealer sealer;
    private final Set<String> grids;

    ChannelController(TicketRegistration registration, PublicStatus status, RateLimits limits,
            ClientAddresses clients, ChannelLimits settings, ContactSealer sealer, City city) {
        this.clients = clients;
        this.grids = city.grids().stream().map(Grid::id).collect(Collectors.toSet());
        this.registration = registration;
        this.status = status;
        this.limits = limits;
        this.settings = settings;
        this.sealer = sealer;
    }

    /**
     * The website's form: 202 with the ticket number only (see {@link PublicReceipt}), or 429 with
     * {@code Retry-After} over the limits.
     */
    @PostMapping("/complaints")
    Mono<ResponseEntity<PublicReceipt>> complain(@RequestBody ComplaintRequest complaint,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey,
            ServerHttpRequest request) {
        Mono<Void> perPhone = PhoneNumbers.toE164(complaint.phone())
                .map(e164 -> limits.admit("complaints from this number", "complaint:phone:" + sealer.hash(e164),
                        settings.complaintsPerPhone(), settings.window()))
                .orElse(Mono.empty());
        return limits.admit("complaints from this address", "complaint:address:" + clients.of(request),
                        settings.complaintsPerAddress(), settings.window())
                .then(perPhone)
                .then(Mono.defer(() -> registration.register(complaint.asCall(), registration.validate(complaint),
                        idempotencyKey, Channel.WEB, null, complaint.mayPublish())))
                .map(receipt -> ResponseEntity.accepted().body(PublicReceipt.of(receipt)));
    }

    /** A grid worker's report from patrol. */
    @PostMapping("/grid-reports")
    @PreAuthorize("hasRole('GRID_WORKER')")
    Mono<ResponseEntity<TicketReceipt>> report(@RequestBody GridReportRequest report,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey) {
        return report(report, idempotencyKey, Channel.GRID);
    }

    /**
     * A household liaison's (联户长) report for the households in their care: in the shape of a grid report, counted
     * as a channel of its own.
     */
    @PostMapping("/liaison-reports")
    @PreAuthorize("hasRole('LIAISON')")
    Mono<ResponseEntity<TicketReceipt>> liaisonReport(@RequestBody GridReportRequest report,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey) {
        return report(report, idempotencyKey, Channel.LIAISON);
    }

    private Mono<ResponseEntity<TicketReceipt>> report(GridReportRequest report, String idempotencyKey,
            Channel channel) {
        Map<String, FieldError> violations = new java.util.HashMap<>(registration.validate(report));
        if (report.gridId() != null && !violations.containsKey("gridId") && !grids.contains(report.gridId())) {
            violations.put("gridId", new FieldError("gridId", FieldCodes.UNKNOWN, "is not a grid of the city"));
        }
        return registration.register(report.asCall(), violations, idempotencyKey, channel, report.gridId(), false)
                .map(ChannelController::accepted);
    }

    /**
     * Where a ticket stands, for the citizen who reported it, a linked one as the ticket it joined: no personal data;
     * 404 for wrong digits.
     */
    @GetMapping("/public/tickets/{ticketNumber}")
    Mono<PublicStatus.View> lookUp(@PathVariable @Pattern(regexp = "12345-\\d{8}-\\d{4,6}") String ticketNumber,
            @RequestParam @Pattern(regexp = "\\d{4}") String phoneLast4, ServerHttpRequest request) {
        // every look-up counts against the number before it is answered and a right one gives its count back, so
        // only wrong digits lock the number, and racing guesses cannot all pass; an unknown number counts the same
        String guesses = "lookup:digits:" + ticketNumber;
        return limits.admit("look-ups from this address", "lookup:address:" + clients.of(request),
                        settings.lookupsPerAddress(), settings.window())
                .then(limits.admit("wrong digits for this ticket number", guesses, settings.wrongDigitsPerTicket(),
                        settings.digitsLock()))
                .then(Mono.defer(() -> status.lookUp(ticketNumber, phoneLast4)))
                .flatMap(found -> limits.release(guesses, settings.digitsLock()).thenReturn(found));
    }

    private static ResponseEntity<TicketReceipt> accepted(TicketReceipt receipt) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/intake/tickets/" + receipt.ticketId()))
                .body(receipt);
    }
}

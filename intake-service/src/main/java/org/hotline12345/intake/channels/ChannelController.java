package org.hotline12345.intake.channels;

import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline12345.contracts.Channel;
import org.hotline12345.platform.pii.PhoneNumbers;
import org.hotline12345.intake.tickets.TicketReceipt;
import org.hotline12345.intake.tickets.TicketRegistration;
import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.platform.pii.ContactSealer;
import org.hotline12345.platform.problem.FieldCodes;
import org.hotline12345.platform.problem.FieldError;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.hotline12345.platform.ratelimits.ClientAddresses;
import org.hotline12345.platform.ratelimits.RateLimits;
import org.hotline12345.referencedata.Grid;
import org.hotline12345.referencedata.City;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The channels besides the operator's: the website's complaint form and the citizen's look-up of their ticket, both
 * public and rate-limited, and grid workers' reports.
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
    private final FollowTokens tokens;
    private final NearbyReports nearby;
    private final Set<String> grids;
    private final String gridClaim;

    ChannelController(TicketRegistration registration, PublicStatus status, RateLimits limits,
            ClientAddresses clients, ChannelLimits settings, ContactSealer sealer, FollowTokens tokens,
            NearbyReports nearby, City city, HotlineProperties properties) {
        this.nearby = nearby;
        this.gridClaim = properties.security().gridClaim();
        this.tokens = tokens;
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
                .then(Mono.defer(() -> {
                    Map<String, FieldError> violations = registration.validate(complaint);
                    return joined(complaint, violations).flatMap(joins -> registration.register(complaint.asCall(),
                            violations, idempotencyKey, Channel.WEB, null, complaint.mayPublish(),
                            joins.orElse(null)));
                }))
                .map(receipt -> ResponseEntity.accepted().body(PublicReceipt.of(receipt)));
    }

    /**
     * The report the complaint joins: the one it names when the complaint may join it (open, published, of the
     * complaint's category, within 200 m of its point), else none, and the complaint is registered as any other.
     * The answer is the same either way, so that nothing tells whether a ticket of that number exists.
     */
    private Mono<Optional<String>> joined(ComplaintRequest complaint, Map<String, FieldError> violations) {
        if (complaint.joins() == null || !violations.isEmpty()) {
            return Mono.just(Optional.empty());
        }
        return nearby.joinable(complaint.joins(), complaint.category(), complaint.location()).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    /** A grid worker's report from patrol, for the grid their token names only. */
    @PostMapping("/grid-reports")
    @PreAuthorize("hasRole('GRID_WORKER')")
    Mono<ResponseEntity<TicketReceipt>> report(@RequestBody GridReportRequest report,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey) {
        return report(report, idempotencyKey, Channel.GRID);
    }

    /**
     * A household liaison's (联户长) report for the households in their care: in the shape of a grid report, counted
     * as a channel of its own; for the grid their token names when it names one.
     */
    @PostMapping("/liaison-reports")
    @PreAuthorize("hasRole('LIAISON')")
    Mono<ResponseEntity<TicketReceipt>> liaisonReport(@RequestBody GridReportRequest report,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey) {
        return report(report, idempotencyKey, Channel.LIAISON);
    }

    private Mono<ResponseEntity<TicketReceipt>> report(GridReportRequest report, String idempotencyKey,
            Channel channel) {
        return checkGrid(report, channel).then(Mono.defer(() -> {
            Map<String, FieldError> violations = new java.util.HashMap<>(registration.validate(report));
            if (report.gridId() != null && !violations.containsKey("gridId") && !grids.contains(report.gridId())) {
                violations.put("gridId", new FieldError("gridId", FieldCodes.UNKNOWN, "is not a grid of the city"));
            }
            return registration.register(report.asCall(), violations, idempotencyKey, channel, report.gridId(),
                    false);
        })).map(ChannelController::accepted);
    }

    /**
     * A report is tied to the grid the caller's token names: a grid worker's token always names one (as for the
     * tickets the worker holds), a liaison's names the grid of the households in their care when the identity
     * provider gives it, and a report for another grid is refused (403). A liaison's token without a grid reports
     * for any grid of the city.
     */
    private Mono<Void> checkGrid(GridReportRequest report, Channel channel) {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .switchIfEmpty(Mono.error(() -> new AccessDeniedException("no bearer token")))
                .<Void>flatMap(token -> {
                    String grid = token.getToken().getClaimAsString(gridClaim);
                    if (grid == null || grid.isBlank()) {
                        return channel == Channel.GRID
                                ? Mono.error(new AccessDeniedException("the token names no grid")) : Mono.empty();
                    }
                    return grid.equals(report.gridId()) || report.gridId() == null ? Mono.empty()
                            : Mono.error(new AccessDeniedException("the report is for grid " + report.gridId()
                                    + ", the token is for grid " + grid));
                });
    }

    /**
     * Where a ticket stands, for the citizen who reported it, a linked one as the ticket it joined: no personal data,
     * and only for the token of the link in the citizen's texts ({@link FollowTokens}). A wrong token, an unknown
     * number and a malformed pair all answer the same 404. Look-ups are limited per client address only: a limit per
     * ticket would let anyone who knows a number lock its citizen out, and guessing a 96-bit token gains nothing from
     * a few more tries. The proof travels in the body, so that no access log keeps it.
     */
    @PostMapping("/public/tickets/lookup")
    Mono<PublicStatus.View> lookUp(@RequestBody LookUpRequest lookUp, ServerHttpRequest request) {
        return limits.admit("look-ups from this address", "lookup:address:" + clients.of(request),
                        settings.lookupsPerAddress(), settings.window())
                .then(Mono.defer(() -> tokens.proves(lookUp.ticketNumber(), lookUp.token())
                        ? status.lookUp(lookUp.ticketNumber()) : Mono.empty()))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("Ticket", "looked up")));
    }

    private static ResponseEntity<TicketReceipt> accepted(TicketReceipt receipt) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/intake/tickets/" + receipt.ticketId()))
                .body(receipt);
    }
}

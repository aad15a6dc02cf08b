package org.hotline12345.routing.parts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.hotline12345.routing.assignment.TicketView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Supporting units' parts (协办): a unit's own parts, signed for and answered by the unit the token names; the
 * centre's queue of parts overdue and its waiver. The unit always comes from the token: a ticket in which the unit
 * has no part is 404 for every action.
 */
@RestController
@RequestMapping("/api/v1")
@Validated
class PartController {

    /** The furthest page a list answers, as for the other lists. */
    static final int LAST_PAGE = 1000;
    /** The most tickets a page holds. */
    static final int MOST_PER_PAGE = 200;

    private final SupportingParts parts;

    PartController(SupportingParts parts) {
        this.parts = parts;
    }

    /** The unit's parts of the tickets still worked, oldest ticket first. */
    @GetMapping("/parts")
    @PreAuthorize("hasRole('UNIT')")
    Flux<PartRequests.PartView> mine(@RequestParam(defaultValue = "0") @Min(0) @Max(LAST_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MOST_PER_PAGE) int size) {
        return parts.mine(page, size);
    }

    /** The unit's part of one ticket, with what the ticket is about. */
    @GetMapping("/parts/{ticketId}")
    @PreAuthorize("hasRole('UNIT')")
    Mono<PartRequests.PartView> one(@PathVariable String ticketId) {
        return parts.one(ticketId);
    }

    /** Sign for the part (协办签收). */
    @PostMapping("/parts/{ticketId}/accept")
    @PreAuthorize("hasRole('UNIT')")
    Mono<PartRequests.PartView> accept(@PathVariable String ticketId) {
        return parts.accept(ticketId);
    }

    /** Send the part of the answer to the lead (协办答复). */
    @PostMapping("/parts/{ticketId}/answer")
    @PreAuthorize("hasRole('UNIT')")
    Mono<PartRequests.PartView> answer(@PathVariable String ticketId,
            @Valid @RequestBody PartRequests.Answer request) {
        return parts.answer(ticketId, request);
    }

    /** The parts overdue (协办超期), the longest waiting first. */
    @GetMapping("/reviews/parts")
    @PreAuthorize("hasRole('SUPERVISOR')")
    Flux<PartRequests.OverduePart> overdue(@RequestParam(defaultValue = "0") @Min(0) @Max(LAST_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MOST_PER_PAGE) int size) {
        return parts.overdue(page, size);
    }

    /** Waive a supporting unit's part (协办免除) with the centre's reason: the lead may resolve without it. */
    @PostMapping("/reviews/parts/{ticketId}/{unitId}/waive")
    @PreAuthorize("hasRole('SUPERVISOR')")
    Mono<TicketView> waive(@PathVariable String ticketId,
            @PathVariable @Pattern(regexp = "[A-Z_]{2,40}") String unitId,
            @Valid @RequestBody PartRequests.Waive request) {
        return parts.waive(ticketId, unitId, request);
    }
}

package org.hotline12345.routing.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

/** The centre's decisions on units' requests for more time (延期审批): supervisors only. */
@RestController
@RequestMapping("/api/v1/reviews/extensions")
@Validated
class ExtensionReviewController {

    private final ExtensionReviews reviews;

    ExtensionReviewController(ExtensionReviews reviews) {
        this.reviews = reviews;
    }

    /** The requests for more time that wait for the centre, oldest first. */
    @GetMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    Flux<ReviewRequests.WaitingExtension> waiting(
            @RequestParam(defaultValue = "0") @Min(0) @Max(ReturnReviewController.LAST_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(ReturnReviewController.MOST_PER_PAGE) int size) {
        return reviews.waiting(page, size);
    }

    /** Grants the time asked for, or less ({@code resolveBy}, with a reason); the citizen is texted the new date. */
    @PostMapping("/{ticketId}/approve")
    @PreAuthorize("hasRole('SUPERVISOR')")
    Mono<TicketView> approve(@PathVariable String ticketId, @Valid @RequestBody ReviewRequests.Approve request) {
        return reviews.approve(ticketId, request);
    }

    /** Refuses more time, with the centre's reason: the deadline stands. */
    @PostMapping("/{ticketId}/refuse")
    @PreAuthorize("hasRole('SUPERVISOR')")
    Mono<TicketView> refuse(@PathVariable String ticketId, @Valid @RequestBody ReviewRequests.Refuse request) {
        return reviews.refuse(ticketId, request);
    }
}

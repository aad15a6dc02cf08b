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

/** The centre's review of units' returns (退单审核): supervisors only. */
@RestController
@RequestMapping("/api/v1/reviews/returns")
@Validated
class ReturnReviewController {

    /** The furthest page the queue answers, as for the other lists. */
    static final int LAST_PAGE = 1000;
    /** The most returns a page holds. */
    static final int MOST_PER_PAGE = 200;

    private final ReturnReviews reviews;

    ReturnReviewController(ReturnReviews reviews) {
        this.reviews = reviews;
    }

    /** The returns that wait for the centre, oldest first, each with the unit the rules suggest next. */
    @GetMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    Flux<ReviewRequests.WaitingReturn> waiting(@RequestParam(defaultValue = "0") @Min(0) @Max(LAST_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MOST_PER_PAGE) int size) {
        return reviews.waiting(page, size);
    }

    @PostMapping("/{ticketId}/uphold")
    @PreAuthorize("hasRole('SUPERVISOR')")
    Mono<TicketView> uphold(@PathVariable String ticketId, @Valid @RequestBody ReviewRequests.Uphold request) {
        return reviews.uphold(ticketId, request);
    }

    @PostMapping("/{ticketId}/reject")
    @PreAuthorize("hasRole('SUPERVISOR')")
    Mono<TicketView> reject(@PathVariable String ticketId, @Valid @RequestBody ReviewRequests.Reject request) {
        return reviews.reject(ticketId, request);
    }
}

package org.hotline12345.intake.tracking;

import org.hotline12345.intake.tickets.CallRatings;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The citizen's rating of how their call was taken, from the follow page, proven by the link's token as the look-up
 * is: a wrong token, an unknown number and a malformed pair answer the same 404 as the look-up, before anything
 * else is looked at; these ratings are limited per address as look-ups are (a budget of their own), never per
 * ticket.
 */
@RestController
@RequestMapping("/api/v1/public/tickets")
class CallRatingController {

    private final CallRatings ratings;
    private final ProvenRatings proven;

    CallRatingController(CallRatings ratings, ProvenRatings proven) {
        this.ratings = ratings;
        this.proven = proven;
    }

    /**
     * 202 once the rating is stored, whenever since the ticket was received; 409 with {@code currentState}
     * {@value CallRatings#RATED} when the ticket's call was rated already; 400 naming a missing answer or a comment
     * over {@value RatingRequest#COMMENT_LENGTH} characters.
     */
    @PostMapping("/call-rating")
    Mono<ResponseEntity<CallRated>> rate(@RequestBody CallRatingRequest rating, ServerHttpRequest request) {
        return proven.rate("call ratings from this address", "call-rating", request, rating.ticketNumber(),
                        rating.token(), rating::problems,
                        () -> ratings.rate(rating.ticketNumber(), rating.satisfaction(), rating.cleanComment()))
                .map(ratedAt -> ResponseEntity.accepted().body(new CallRated(rating.ticketNumber(),
                        rating.satisfaction().name())));
    }

    /** The rating of the call was taken; it changes nothing about the ticket's handling. */
    record CallRated(String ticketNumber, String satisfaction) {
    }
}

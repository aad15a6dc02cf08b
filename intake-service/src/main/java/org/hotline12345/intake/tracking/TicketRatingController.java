package org.hotline12345.intake.tracking;

import org.hotline12345.intake.tickets.TicketRatings;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The citizen's rating of their ticket's resolution from the follow page, proven by the link's token as the look-up
 * is: a wrong token, an unknown number and a malformed pair answer the same 404 as the look-up, before anything
 * else is looked at; ratings are limited per address as look-ups are (a budget of their own), never per ticket.
 */
@RestController
@RequestMapping("/api/v1/public/tickets")
class TicketRatingController {

    private final TicketRatings ratings;
    private final ProvenRatings proven;

    TicketRatingController(TicketRatings ratings, ProvenRatings proven) {
        this.ratings = ratings;
        this.proven = proven;
    }

    /**
     * 202 with the resolution round rated; 409 when the ticket awaits no rating (not resolved yet, already rated
     * and closed or reopened, or linked to another) or this resolution was rated already; 400 naming a missing
     * answer or a comment over {@value RatingRequest#COMMENT_LENGTH} characters.
     */
    @PostMapping("/feedback")
    Mono<ResponseEntity<Rated>> rate(@RequestBody RatingRequest rating, ServerHttpRequest request) {
        return proven.rate("ratings from this address", "rating", request, rating.ticketNumber(), rating.token(),
                        rating::problems, () -> ratings.rate(rating.ticketNumber(), rating.solved(),
                                rating.satisfaction(), rating.cleanComment()))
                .map(round -> ResponseEntity.accepted().body(new Rated(rating.ticketNumber(), round)));
    }

    /**
     * The rating was taken: the ticket is closed or reopened once routing has acted on it.
     *
     * @param round which resolution of the ticket was rated
     */
    record Rated(String ticketNumber, int round) {
    }
}

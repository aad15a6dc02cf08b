package org.hotline12345.intake.tracking;

import java.time.Instant;
import java.util.Map;
import org.hotline12345.intake.channels.ChannelLimits;
import org.hotline12345.intake.channels.FollowTokens;
import org.hotline12345.intake.tickets.CallRatings;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.hotline12345.platform.ratelimits.ClientAddresses;
import org.hotline12345.platform.ratelimits.RateLimits;
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
    private final FollowTokens tokens;
    private final RateLimits limits;
    private final ClientAddresses clients;
    private final ChannelLimits settings;

    CallRatingController(CallRatings ratings, FollowTokens tokens, RateLimits limits, ClientAddresses clients,
            ChannelLimits settings) {
        this.ratings = ratings;
        this.tokens = tokens;
        this.limits = limits;
        this.clients = clients;
        this.settings = settings;
    }

    /**
     * 202 once the rating is stored, whenever since the ticket was received; 409 with {@code currentState}
     * {@value CallRatings#RATED} when the ticket's call was rated already; 400 naming a missing answer or a comment
     * over {@value RatingRequest#COMMENT_LENGTH} characters.
     */
    @PostMapping("/call-rating")
    Mono<ResponseEntity<CallRated>> rate(@RequestBody CallRatingRequest rating, ServerHttpRequest request) {
        return limits.admit("call ratings from this address", "call-rating:address:" + clients.of(request),
                        settings.lookupsPerAddress(), settings.window())
                .then(Mono.defer(() -> {
                    if (!tokens.proves(rating.ticketNumber(), rating.token())) {
                        return Mono.<Instant>empty();
                    }
                    Map<String, String> problems = rating.problems();
                    if (!problems.isEmpty()) {
                        return Mono.error(new InvalidRequestException(problems));
                    }
                    return ratings.rate(rating.ticketNumber(), rating.satisfaction(), rating.cleanComment());
                }))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("Ticket", "looked up")))
                .map(ratedAt -> ResponseEntity.accepted().body(new CallRated(rating.ticketNumber(),
                        rating.satisfaction().name())));
    }

    /** The rating of the call was taken; it changes nothing about the ticket's handling. */
    record CallRated(String ticketNumber, String satisfaction) {
    }
}

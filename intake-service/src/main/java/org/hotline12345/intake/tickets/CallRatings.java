package org.hotline12345.intake.tickets;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.hotline12345.contracts.CallRated;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.platform.problem.IllegalTransitionException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The citizen rates how their call was taken (受理) on the follow page, apart from how the ticket is handled
 * (一次一评, 一事一评): a CallRated on intake's own topic, which analytics counts apart from the satisfaction rate and
 * nobody acts on. Any ticket can be rated from when it is received, a linked one too (its call was taken like any
 * other), and once: the stored rating is the guard, so of two racing only one is stored and published. Each stored
 * rating is counted by how satisfied the citizen was and the channel the call came in on
 * ({@code hotline.calls.rated}); a refused or repeated one is not.
 */
@Service
public class CallRatings {

    /** What a ticket whose call was rated already is, in the refusal of another rating. */
    public static final String RATED = "CALL_RATED";

    private final ReactiveMongoTemplate mongo;
    private final TicketPublication publication;
    private final Clock clock;
    private final MeterRegistry meters;

    CallRatings(ReactiveMongoTemplate mongo, TicketPublication publication, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.publication = publication;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Rates the call of ticket {@code ticketNumber}, whose link the caller has proven; completes with when it was
     * rated, empty when there is no such ticket, or fails with 409 ({@link #RATED}) when its call was rated already.
     */
    public Mono<Instant> rate(String ticketNumber, Satisfaction satisfaction, String comment) {
        return mongo.findOne(Query.query(Criteria.where("ticketNumber").is(ticketNumber)), IntakeTicket.class)
                .flatMap(ticket -> {
                    Instant now = clock.instant();
                    CallRating rating = new CallRating(ticket.getId(), satisfaction.name(), comment, now);
                    rating.stage(new CallRated(EventIds.of(ticket.getId(), "CallRated", 1), now, ticket.getId(),
                            satisfaction, comment));
                    return mongo.insert(rating)
                            .doOnNext(stored -> meters.counter("hotline.calls.rated", "satisfaction",
                                    satisfaction.name(), "channel", ticket.getChannel()).increment())
                            .flatMap(stored -> publication.publish(stored).thenReturn(now))
                            .onErrorMap(DuplicateKeyException.class, rated -> new IllegalTransitionException(
                                    "RATE_CALL", "rate the call of", RATED, "a ticket's call is rated once"));
                });
    }

    /** Whether the call of ticket {@code ticketId} was rated. */
    public Mono<Boolean> isRated(String ticketId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(ticketId)), CallRating.class);
    }
}

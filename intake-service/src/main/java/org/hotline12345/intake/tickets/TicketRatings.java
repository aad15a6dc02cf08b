package org.hotline12345.intake.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenRated;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.platform.problem.IllegalTransitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The citizen rates the latest resolution of their ticket on the follow page: a CitizenRated naming the resolution
 * round, on intake's own topic. Notification, which asked the round's question and takes one answer for it whichever
 * way it comes (a text reply or this page), turns it into the FeedbackReceived ({@code via} {@code WEB}) that routing
 * acts on (closing or reopening the ticket) and analytics counts; intake never writes feedback itself. Only a ticket
 * worked on itself and resolved, so awaiting its citizen's answer, can be rated, and each round once on the web: a
 * second rating of the round is recorded and refused.
 */
@Service
public class TicketRatings {

    /** How the rating came, in the {@code FeedbackReceived} notification makes of it. */
    public static final String VIA = "WEB";
    private static final Logger log = LoggerFactory.getLogger(TicketRatings.class);

    private final ReactiveMongoTemplate mongo;
    private final TicketPublication publication;
    private final Clock clock;

    TicketRatings(ReactiveMongoTemplate mongo, TicketPublication publication, Clock clock) {
        this.mongo = mongo;
        this.publication = publication;
        this.clock = clock;
    }

    /**
     * Rates the latest resolution of ticket {@code ticketNumber}, whose link the caller has proven; completes with
     * the round rated, empty when there is no such ticket, or fails with 409 when the ticket awaits no rating or
     * this round was rated already.
     */
    public Mono<Integer> rate(String ticketNumber, boolean solved, Satisfaction satisfaction, String comment) {
        return mongo.findOne(Query.query(Criteria.where("ticketNumber").is(ticketNumber)), IntakeTicket.class)
                .flatMap(ticket -> {
                    if (!awaitsRating(ticket)) {
                        return Mono.error(refused(shownState(ticket),
                                "only a resolved ticket awaits its citizen's rating"));
                    }
                    int round = roundOf(ticket);
                    Instant now = clock.instant();
                    TicketRating rating = new TicketRating(TicketRating.countedId(ticket.getId(), round),
                            ticket.getId(), round, solved, satisfaction.name(), comment, VIA, TicketRating.COUNTED,
                            now);
                    rating.stage(new CitizenRated(EventIds.of(ticket.getId(), "CitizenRated", VIA + "@" + round),
                            now, ticket.getId(), round, solved, satisfaction, comment));
                    return mongo.insert(rating)
                            .flatMap(stored -> publication.publish(stored).thenReturn(round))
                            .onErrorResume(DuplicateKeyException.class, rated -> mongo.insert(new TicketRating(
                                    UUID.randomUUID().toString(), ticket.getId(), round, solved,
                                    satisfaction.name(), comment, VIA, TicketRating.IGNORED, now))
                                    .doOnNext(ignored -> log.info("A second rating of resolution {} of ticket {} "
                                            + "was recorded and refused", round, ticket.getTicketNumber()))
                                    .then(Mono.error(refused("RATED", "each resolution is rated once"))));
                });
    }

    /** Resolved and worked on itself: a linked ticket's resolution is the ticket it joined, rated by its caller. */
    static boolean awaitsRating(IntakeTicket ticket) {
        return "RESOLVED".equals(standing(ticket)) && ticket.getRepeatOf() == null
                && ticket.getParentIncidentId() == null;
    }

    /**
     * Where the ticket stands for its citizen: its latest step, an escalation aside. A caller who rings again after
     * the answer (the problem is back) escalates the resolved ticket, and that citizen most of all must still be able
     * to rate the answer as not solved.
     */
    static String standing(IntakeTicket ticket) {
        List<IntakeTicket.Step> steps = ticket.getTimeline();
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (!"ESCALATED".equals(steps.get(i).status())) {
                return steps.get(i).status();
            }
        }
        return ticket.getStatus();
    }

    /**
     * The state a refusal names, as the look-up would show it: a ticket from a public channel that was linked reads
     * as received, since whoever posted it may have given someone else's number and "linked" would tell them that
     * person has an open ticket about the same thing.
     */
    private static String shownState(IntakeTicket ticket) {
        boolean linked = ticket.getRepeatOf() != null || ticket.getParentIncidentId() != null;
        if (!linked) {
            return ticket.getStatus();
        }
        return Channel.valueOf(ticket.getChannel()).isPublic() ? "RECEIVED" : "LINKED";
    }

    /**
     * Which resolution of the ticket this is, as routing numbers them (1 for the first, one more after each
     * reopening): every TicketResolved adds one RESOLVED step to the timeline, once, in order.
     */
    static int roundOf(IntakeTicket ticket) {
        return (int) ticket.getTimeline().stream().filter(step -> "RESOLVED".equals(step.status())).count();
    }

    private static IllegalTransitionException refused(String state, String rule) {
        return new IllegalTransitionException("RATE", "rate", state, rule);
    }
}

package org.hotline12345.routing.workflow;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.hotline12345.contracts.FeedbackReceived;
import org.hotline12345.routing.assignment.Tickets;
import org.hotline12345.routing.assignment.Dispatcher;
import org.hotline12345.routing.assignment.RoutedTicket;
import org.hotline12345.routing.assignment.RoutedTicket.FeedbackOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The citizen's answer closes the loop: satisfied and solved closes the ticket, anything else reopens it. An answer
 * acts only on the resolution it rates; one to an earlier resolution (late, or redelivered after a reopening) or to
 * a ticket no longer awaiting an answer is counted as {@code hotline.feedback.ignored} and changes nothing, without
 * failing its message: taking it again would never make it apply.
 */
@Service
class CitizenFeedback {

    private static final Logger log = LoggerFactory.getLogger(CitizenFeedback.class);

    private final ReactiveMongoTemplate mongo;
    private final Dispatcher dispatcher;
    private final Tickets tickets;
    private final MeterRegistry meters;
    private final Clock clock;

    CitizenFeedback(ReactiveMongoTemplate mongo, Dispatcher dispatcher, Tickets tickets, MeterRegistry meters,
            Clock clock) {
        this.mongo = mongo;
        this.dispatcher = dispatcher;
        this.tickets = tickets;
        this.meters = meters;
        this.clock = clock;
    }

    Mono<Void> take(FeedbackReceived feedback) {
        return mongo.findById(feedback.ticketId(), RoutedTicket.class)
                .filter(ticket -> acted(ticket, feedback, ticket.takeFeedback(feedback.answersRound(),
                        feedback.solved(), feedback.satisfaction(), dispatcher.limits(), clock.instant())))
                .flatMap(tickets::save)
                .then();
    }

    private boolean acted(RoutedTicket ticket, FeedbackReceived feedback, FeedbackOutcome outcome) {
        if (outcome.ignored()) {
            // names the ticket and the rounds only: the answer itself is the citizen's
            log.info("Feedback {} on ticket {} ignored ({}): answers resolution {}, ticket {} at resolution {}",
                    feedback.eventId(), ticket.getTicketNumber(), outcome, feedback.resolutionRound(),
                    ticket.getStatus(), ticket.getResolutions());
            meters.counter("hotline.feedback.ignored", "reason", outcome.name()).increment();
        }
        return !outcome.ignored();
    }
}

package org.hotline12345.intake.tickets;

import org.hotline12345.platform.messaging.Delivery;
import org.hotline12345.platform.outbox.OutboxRelay;
import org.hotline12345.platform.problem.DependencyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The last step of a registration: the stored ticket's TicketReceived published in a Kafka transaction (with
 * whatever other registrations wait at that moment), and the receipt given only when that did not abort.
 */
@Component
class TicketPublication {

    private static final Logger log = LoggerFactory.getLogger(TicketPublication.class);

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final TicketLinks links;

    TicketPublication(ReactiveMongoTemplate mongo, OutboxRelay relay, TicketLinks links) {
        this.mongo = mongo;
        this.relay = relay;
        this.links = links;
    }

    /**
     * Publishes a ticket this request stored. Committed, or committed as far as anyone can tell (the sweep
     * publishes it again if not), the receipt is given; aborted, nobody saw it, so the ticket, and with it the
     * key's claim, is removed and the operator gets 503: every consumer reads committed records only.
     */
    Mono<TicketReceipt> publishNew(IntakeTicket ticket) {
        return publish(ticket, Mono.defer(() -> withdraw(ticket)).then(Mono.error(
                new DependencyUnavailableException("The event broker did not take the ticket; nothing was registered. "
                        + "Try again."))));
    }

    /**
     * Publishes a ticket whose registration died before its event was published. Its first request may have been
     * answered (when its commit's outcome was unknown), so the ticket is kept whatever happens here; the sweep
     * publishes it if this attempt cannot.
     */
    Mono<TicketReceipt> republish(IntakeTicket ticket) {
        return publish(ticket, Mono.error(new DependencyUnavailableException("The ticket of an earlier request "
                + "with this Idempotency-Key is not published yet. Try again with the same key.")));
    }

    private Mono<TicketReceipt> publish(IntakeTicket ticket, Mono<TicketReceipt> whenAborted) {
        return relay.publish(IntakeTicket.class, ticket).flatMap(delivery ->
                delivery == Delivery.ABORTED ? whenAborted : Mono.just(ticket.receipt()));
    }

    /**
     * Publishes a stored rating's CitizenRated. The rating stays stored whatever happens here: when the broker
     * does not take it now, the sweep publishes it.
     */
    Mono<Void> publish(TicketRating rating) {
        return relay.publish(TicketRating.class, rating).doOnNext(delivery -> {
            if (delivery == Delivery.ABORTED) {
                log.warn("The rating {} is stored; its CitizenRated waits for the sweep", rating.getId());
            }
        }).then();
    }

    /**
     * Publishes a stored rating of a call's taking, its CallRated. The rating stays stored whatever happens here:
     * when the broker does not take it now, the sweep publishes it.
     */
    Mono<Void> publish(CallRating rating) {
        return relay.publish(CallRating.class, rating).doOnNext(delivery -> {
            if (delivery == Delivery.ABORTED) {
                log.warn("The call rating of ticket {} is stored; its CallRated waits for the sweep", rating.getId());
            }
        }).then();
    }

    private Mono<Void> withdraw(IntakeTicket ticket) {
        log.warn("Withdrawing ticket {}: its TicketReceived was not published", ticket.getId());
        return links.settled(ticket).then(mongo.remove(ticket)).then();
    }
}

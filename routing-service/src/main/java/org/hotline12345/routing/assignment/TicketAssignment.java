package org.hotline12345.routing.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.platform.outbox.OutboxRelay;
import org.hotline12345.referencedata.Grid;
import org.hotline12345.routing.city.CityMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Dispatches a newly received ticket: finds its grid, asks the active rule set for the lead unit and priority,
 * sets the deadlines, and stores the ticket with its TicketAssigned in one write. Redelivery of the same
 * TicketReceived finds the ticket already stored and only makes sure its event went out. A repeat call is linked
 * and escalates the open ticket it repeats instead of being dispatched again (when that ticket joined another, the
 * one carrying the work); another caller's report of the same incident is linked to it, and its resolution reaches
 * that caller too.
 */
@Service
public class TicketAssignment {

    private static final Logger log = LoggerFactory.getLogger(TicketAssignment.class);
    /** Units rarely change one ticket more than a few times a second; past this the consumer's retry takes over. */
    private static final int CONFLICT_RETRIES = 5;
    /** Links are one or two deep (a repeat of a ticket that joined an incident); a longer chain can only be a loop. */
    private static final int LINKS_FOLLOWED = 10;

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final Dispatcher dispatcher;
    private final CityMap city;
    private final Clock clock;

    TicketAssignment(ReactiveMongoTemplate mongo, OutboxRelay relay, Dispatcher dispatcher, CityMap city,
            Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.dispatcher = dispatcher;
        this.city = city;
        this.clock = clock;
    }

    public Mono<Void> assign(TicketReceived received) {
        return mongo.exists(Query.query(Criteria.where("_id").is(received.ticketId())), RoutedTicket.class)
                .flatMap(known -> known ? Mono.empty() : decide(received).flatMap(this::store))
                .then(Mono.defer(() -> relay.flush(RoutedTicket.class, received.ticketId())))
                // a repeat through a public channel is linked but escalates nothing: anyone can post with anyone's
                // number, and escalating a stranger's ticket against its unit would be a weapon
                .then(Mono.defer(() -> received.repeatOf() == null || received.channel().isPublic() ? Mono.empty()
                        : escalateRepeated(received)));
    }

    private Mono<RoutedTicket> decide(TicketReceived received) {
        Grid grid = received.location() == null ? null
                : city.grids().locate(received.location().lat(), received.location().lon()).orElse(null);
        Instant now = clock.instant();
        RoutedTicket ticket = RoutedTicket.from(received, grid);
        if (received.resolvedOnCall()) {
            ticket.closeAtIntake(now);
            return Mono.just(ticket);
        }
        if (received.repeatOf() != null || received.parentIncidentId() != null) {
            ticket.link();
            return Mono.just(ticket);
        }
        return dispatcher.route(ticket, Set.of()).map(decision -> {
            if (decision.triage()) {
                log.info("Ticket {} matched no rule of version {}: to triage", received.ticketNumber(),
                        decision.ruleSetVersion());
                ticket.toTriage(decision);
            } else if (received.needsTriage()) {
                log.info("Ticket {} has no sure category: to triage", received.ticketNumber());
                ticket.toTriage(decision);
            } else {
                ticket.assign(decision, dispatcher.unitName(decision.leadUnit()), now,
                        dispatcher.deadlines(decision, now));
            }
            return ticket;
        });
    }

    /**
     * The citizen called again about an open ticket: the unit that carries its work and the supervisors are told
     * (督办), once per repeat call. Saved under the ticket's version; a unit's change in between makes it read the
     * ticket again. Its events are sent also when the escalation was saved by an earlier delivery of this call.
     */
    private Mono<Void> escalateRepeated(TicketReceived repeat) {
        return Mono.defer(() -> carrierOf(repeat.repeatOf(), LINKS_FOLLOWED))
                .flatMap(carrier -> carrier.escalateForRepeat(repeat.ticketId(), clock.instant())
                        ? mongo.save(carrier) : Mono.just(carrier))
                .retryWhen(Retry.max(CONFLICT_RETRIES).filter(OptimisticLockingFailureException.class::isInstance))
                .flatMap(carrier -> relay.flush(RoutedTicket.class, carrier.getId()));
    }

    /**
     * The ticket that carries the work of {@code ticketId}: itself, or, when it joined another ticket (a repeat of
     * it, or the same incident), the ticket it joined, followed to the first that did not join one. A link that
     * leads nowhere or further than {@code links} ends at the last ticket found, so that the call is still recorded.
     */
    private Mono<RoutedTicket> carrierOf(String ticketId, int links) {
        return mongo.findById(ticketId, RoutedTicket.class).flatMap(ticket -> {
            String joined = ticket.joined();
            return joined == null || links == 0 ? Mono.just(ticket)
                    : carrierOf(joined, links - 1).defaultIfEmpty(ticket);
        });
    }

    private Mono<RoutedTicket> store(RoutedTicket ticket) {
        return mongo.insert(ticket).onErrorResume(DuplicateKeyException.class, raced -> Mono.empty());
    }
}

package org.hotline12345.routing.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline12345.routing.rules.RoutingDecision;
import org.hotline12345.routing.rules.RuleSet;
import reactor.core.publisher.Flux;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.referencedata.Grid;
import org.hotline12345.routing.city.CityMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final Tickets tickets;
    private final Dispatcher dispatcher;
    private final CityMap city;
    private final Clock clock;

    TicketAssignment(ReactiveMongoTemplate mongo, Tickets tickets, Dispatcher dispatcher, CityMap city,
            Clock clock) {
        this.mongo = mongo;
        this.tickets = tickets;
        this.dispatcher = dispatcher;
        this.city = city;
        this.clock = clock;
    }

    /** Dispatches one received ticket; see {@link #assign(List)}. */
    public Mono<Void> assign(TicketReceived received) {
        return assign(List.of(received));
    }

    /**
     * Dispatches a batch of received tickets with one read of those already stored, one read of the rule set's
     * version, one bulk insert, and one publication of all their events. A ticket stored by an earlier delivery (or
     * by another instance racing this one) is not decided again; its events are published if they still wait.
     * Repeat calls then escalate the tickets they repeat, in the order they came.
     */
    public Mono<Void> assign(List<TicketReceived> batch) {
        Map<String, TicketReceived> byTicket = new LinkedHashMap<>();
        batch.forEach(received -> byTicket.putIfAbsent(received.ticketId(), received));
        return mongo.find(Query.query(Criteria.where("_id").in(byTicket.keySet())), RoutedTicket.class)
                .collectMap(RoutedTicket::getId)
                .flatMap(stored -> decide(byTicket.values().stream()
                                .filter(received -> !stored.containsKey(received.ticketId())).toList())
                        .flatMap(tickets::insert)
                        .map(inserted -> {
                            List<RoutedTicket> all = new ArrayList<>(stored.values());
                            all.addAll(inserted);
                            return all;
                        }))
                .flatMap(tickets::publish)
                // a repeat through a public channel is linked but escalates nothing: anyone can post with anyone's
                // number, and escalating a stranger's ticket against its unit would be a weapon
                .then(Flux.fromIterable(byTicket.values())
                        .filter(received -> received.repeatOf() != null && !received.channel().isPublic())
                        .concatMap(this::escalateRepeated)
                        .then());
    }

    /** The new tickets, decided with the active rule set (read only if one of them is routed by rules). */
    private Mono<List<RoutedTicket>> decide(List<TicketReceived> fresh) {
        if (fresh.isEmpty()) {
            return Mono.just(List.of());
        }
        boolean anyRouted = fresh.stream().anyMatch(received -> !received.resolvedOnCall()
                && received.repeatOf() == null && received.parentIncidentId() == null);
        return (anyRouted ? dispatcher.ruleSet().map(Optional::of) : Mono.just(Optional.<RuleSet>empty()))
                .map(rules -> fresh.stream().map(received -> decide(received, rules.orElse(null))).toList());
    }

    private RoutedTicket decide(TicketReceived received, RuleSet rules) {
        Grid grid = received.location() == null ? null
                : city.grids().locate(received.location().lat(), received.location().lon()).orElse(null);
        Instant now = clock.instant();
        RoutedTicket ticket = RoutedTicket.from(received, grid);
        if (received.resolvedOnCall()) {
            ticket.closeAtIntake(now);
            return ticket;
        }
        if (received.repeatOf() != null || received.parentIncidentId() != null) {
            ticket.link();
            return ticket;
        }
        RoutingDecision decision = dispatcher.route(rules, ticket, Set.of());
        if (decision.triage()) {
            log.debug("Ticket {} matched no rule of version {}: to triage", received.ticketNumber(),
                    decision.ruleSetVersion());
            ticket.toTriage(decision);
        } else if (received.needsTriage()) {
            log.debug("Ticket {} has no sure category: to triage", received.ticketNumber());
            ticket.toTriage(decision);
        } else {
            ticket.assign(decision, dispatcher.unitName(decision.leadUnit()), now,
                    dispatcher.deadlines(ticket, decision, now));
        }
        return ticket;
    }

    /**
     * The citizen called again about an open ticket: the unit that carries its work and the supervisors are told
     * (督办), once per repeat call. Saved under the ticket's version; a unit's change in between makes it read the
     * ticket again. Its events are sent also when the escalation was saved by an earlier delivery of this call.
     */
    private Mono<Void> escalateRepeated(TicketReceived repeat) {
        return Mono.defer(() -> carrierOf(repeat.repeatOf(), LINKS_FOLLOWED))
                .flatMap(carrier -> carrier.escalateForRepeat(repeat.ticketId(), clock.instant())
                        ? tickets.save(carrier) : tickets.publish(List.of(carrier)).thenReturn(carrier))
                .retryWhen(Retry.max(CONFLICT_RETRIES).filter(OptimisticLockingFailureException.class::isInstance))
                .then();
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
}

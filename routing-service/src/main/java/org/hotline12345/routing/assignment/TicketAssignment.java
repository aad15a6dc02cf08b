package org.hotline12345.routing.assignment;

import java.time.Clock;
import java.time.Instant;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.platform.outbox.OutboxRelay;
import org.hotline12345.referencedata.Grid;
import org.hotline12345.referencedata.Unit;
import org.hotline12345.routing.deadlines.TimeLimitProperties;
import org.hotline12345.routing.deadlines.TimeLimits;
import org.hotline12345.routing.grids.CityMap;
import org.hotline12345.routing.rules.RoutingDecision;
import org.hotline12345.routing.rules.RoutingInput;
import org.hotline12345.routing.rules.RuleSetStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Dispatches a newly received ticket: finds its grid, asks the active rule set for the lead unit and priority,
 * sets the deadlines, and stores the ticket with its TicketAssigned in one write. Redelivery of the same
 * TicketReceived finds the ticket already stored and only makes sure its event went out.
 */
@Service
public class TicketAssignment {

    private static final Logger log = LoggerFactory.getLogger(TicketAssignment.class);

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final RuleSetStore rules;
    private final CityMap city;
    private final TimeLimits limits;
    private final Clock clock;

    TicketAssignment(ReactiveMongoTemplate mongo, OutboxRelay relay, RuleSetStore rules, CityMap city,
            TimeLimitProperties limits, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.rules = rules;
        this.city = city;
        this.limits = limits.timeLimits();
        this.clock = clock;
    }

    public Mono<Void> assign(TicketReceived received) {
        return mongo.exists(Query.query(Criteria.where("_id").is(received.ticketId())), RoutedTicket.class)
                .flatMap(known -> known ? Mono.empty() : decide(received).flatMap(this::store))
                .then(Mono.defer(() -> relay.flush(RoutedTicket.class, received.ticketId())));
    }

    private Mono<RoutedTicket> decide(TicketReceived received) {
        Grid grid = received.location() == null ? null
                : city.grids().locate(received.location().lat(), received.location().lon()).orElse(null);
        Instant now = clock.instant();
        if (received.resolvedOnCall()) {
            return Mono.just(RoutedTicket.resolvedAtIntake(received, grid, now));
        }
        RoutingInput input = new RoutingInput(received.category(), received.description(),
                grid != null ? grid.district() : received.address() == null ? null : received.address().district(),
                grid == null ? null : grid.id(), grid == null ? null : grid.streetOffice(),
                received.channel().name(), received.urgency().name());
        return rules.active().map(ruleSet -> {
            RoutingDecision decision = ruleSet.route(input);
            if (decision.triage()) {
                log.info("Ticket {} matched no rule of version {}: to triage", received.ticketNumber(),
                        decision.ruleSetVersion());
                return RoutedTicket.triage(received, grid, decision);
            }
            String unitName = city.unit(decision.leadUnit()).map(Unit::zh).orElse(decision.leadUnit());
            return RoutedTicket.assigned(received, grid, decision, unitName, now,
                    limits.acceptBy(decision.priority(), now), limits.resolveBy(decision.priority(), now));
        });
    }

    private Mono<RoutedTicket> store(RoutedTicket ticket) {
        return mongo.insert(ticket).onErrorResume(DuplicateKeyException.class, raced -> Mono.empty());
    }
}

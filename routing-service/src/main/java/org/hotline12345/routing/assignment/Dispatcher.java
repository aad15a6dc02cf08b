package org.hotline12345.routing.assignment;

import java.time.Instant;
import java.util.Set;
import org.hotline12345.contracts.Priority;
import org.hotline12345.routing.deadlines.TimeLimits;
import org.hotline12345.routing.city.CityMap;
import org.hotline12345.routing.rules.RoutingDecision;
import org.hotline12345.routing.rules.RuleSet;
import org.hotline12345.routing.rules.store.RuleSetStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Asks the active rule set where a ticket goes, and what the deadlines of that assignment are. */
@Component
public class Dispatcher {

    private final RuleSetStore rules;
    private final CityMap city;
    private final TimeLimits limits;

    Dispatcher(RuleSetStore rules, CityMap city, TimeLimitProperties limits) {
        this.rules = rules;
        this.city = city;
        this.limits = limits.timeLimits().withClasses(city.urgencyClasses());
    }

    /** The decision for a ticket, passing over the units in {@code excluded}. */
    public Mono<RoutingDecision> route(RoutedTicket ticket, Set<String> excluded) {
        return rules.active().map(ruleSet -> route(ruleSet, ticket, excluded));
    }

    /** The active rule set, for deciding many tickets with one read. */
    public Mono<RuleSet> ruleSet() {
        return rules.active();
    }

    /** The decision of {@code ruleSet} for a ticket, passing over the units in {@code excluded}. */
    public RoutingDecision route(RuleSet ruleSet, RoutedTicket ticket, Set<String> excluded) {
        return ruleSet.route(ticket.routingInput(city.zone(), city.priorityOf(ticket.getCategory())), excluded);
    }

    /** The name of the unit or grid worker a ticket goes to. */
    public String unitName(String unitId) {
        return city.holderName(unitId).orElse(unitId);
    }

    public boolean knowsUnit(String unitId) {
        return city.unit(unitId).isPresent();
    }

    public TimeLimits limits() {
        return limits;
    }

    /**
     * The deadlines of an assignment of {@code ticket} made at {@code now} with {@code priority}: its category's
     * urgency class's limits, else its priority's.
     */
    public Deadlines deadlines(RoutedTicket ticket, Priority priority, Instant now) {
        TimeLimits.Terms terms = limits.terms(city.urgencyClassOf(ticket.getCategory()), priority);
        return new Deadlines(now.plus(terms.accept()), now.plus(terms.resolve()), terms);
    }

    /**
     * The deadlines of a rule's decision for {@code ticket}: the rule's own limits where it has them, else its
     * category's urgency class's, else the priority's.
     */
    public Deadlines deadlines(RoutedTicket ticket, RoutingDecision decision, Instant now) {
        Deadlines defaults = deadlines(ticket, decision.priority(), now);
        return new Deadlines(decision.acceptWithin() == null ? defaults.acceptBy() : now.plus(decision.acceptWithin()),
                decision.resolveWithin() == null ? defaults.resolveBy() : now.plus(decision.resolveWithin()),
                defaults.terms());
    }

    /**
     * When the unit must sign for and resolve a ticket, and the terms they came from: its urgency class, how long
     * before each deadline it is about to breach, and how far it may be extended ({@code null}: a priority's
     * terms, with nothing more to say).
     */
    public record Deadlines(Instant acceptBy, Instant resolveBy, TimeLimits.Terms terms) {

        /** Deadlines under a priority's terms. */
        public Deadlines(Instant acceptBy, Instant resolveBy) {
            this(acceptBy, resolveBy, null);
        }
    }
}

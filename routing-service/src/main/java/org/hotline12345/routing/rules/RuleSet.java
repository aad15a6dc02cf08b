package org.hotline12345.routing.rules;

import java.util.List;
import java.util.Set;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.referencedata.GridWorkers;

/** A version of the routing rules. Rules are tried in order; the first that matches decides. */
public record RuleSet(int version, String description, List<Rule> rules) {

    public RuleSet {
        rules = List.copyOf(rules);
    }

    /**
     * Routes one ticket; a rule whose lead is the street office or the grid's worker only matches a ticket that lies
     * in a grid.
     */
    public RoutingDecision route(RoutingInput ticket) {
        return route(ticket, Set.of());
    }

    /**
     * Routes one ticket past the units in {@code excluded} (those that returned it): a rule that would lead to one
     * of them is passed over.
     */
    public RoutingDecision route(RoutingInput ticket, Set<String> excluded) {
        for (Rule rule : rules) {
            List<String> cues = rule.match(ticket);
            if (cues == null) {
                continue;
            }
            String lead = leadOf(rule, ticket);
            if (lead == null || excluded.contains(lead)) {
                continue;
            }
            if (ticket.gridId() != null) {
                cues.add("grid=" + ticket.gridId());
            }
            return new RoutingDecision(rule.id(), version, lead, rule.coUnits(),
                    rule.priority() != null ? Priority.valueOf(rule.priority()) : priorityOf(ticket),
                    List.copyOf(cues.stream().distinct().toList()), rule.acceptWithin(), rule.resolveWithin());
        }
        return new RoutingDecision(null, version, null, List.of(), priorityOf(ticket), List.of());
    }

    /** The unit or grid worker a matching rule sends the ticket to; null when its grid has none. */
    private static String leadOf(Rule rule, RoutingInput ticket) {
        if (Rule.STREET_OFFICE.equals(rule.lead())) {
            return ticket.streetOffice();
        }
        if (Rule.GRID_WORKER.equals(rule.lead())) {
            return ticket.gridId() == null ? null : GridWorkers.holderOf(ticket.gridId());
        }
        return rule.lead();
    }

    /**
     * The priority of a ticket whose rule names none: its category's in the city's folder, raised by the urgency the
     * call was given. A question stays one (a category whose priority is {@code CONSULTATION}) unless it is urgent;
     * a category the folder does not know is {@code NORMAL}.
     */
    static Priority priorityOf(RoutingInput ticket) {
        Priority byCategory = ticket.categoryPriority() == null ? Priority.NORMAL : ticket.categoryPriority();
        if (ticket.urgency() == Urgency.URGENT) {
            return Priority.URGENT;
        }
        if (ticket.urgency() == Urgency.HIGH && byCategory == Priority.NORMAL) {
            return Priority.HIGH;
        }
        return byCategory;
    }
}

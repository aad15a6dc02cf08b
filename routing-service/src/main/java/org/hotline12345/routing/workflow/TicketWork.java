package org.hotline12345.routing.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import org.hotline12345.contracts.Priority;
import org.hotline12345.routing.assignment.Tickets;
import org.hotline12345.platform.problem.ConcurrentChangeException;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.routing.assignment.Dispatcher;
import org.hotline12345.referencedata.GridWorkers;
import org.hotline12345.routing.assignment.ReturnReason;
import org.hotline12345.routing.city.CityMap;
import org.hotline12345.routing.lifecycle.TicketStatus;
import org.hotline12345.routing.assignment.RoutedTicket;
import org.hotline12345.routing.assignment.TicketAccess;
import org.hotline12345.routing.assignment.TicketView;
import org.hotline12345.routing.rules.RoutingDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Carries out what units and supervisors do to a ticket. Each action loads the ticket within the caller's reach,
 * lets the ticket check the transition, and saves it with its event in one write guarded by the ticket's version,
 * so two concurrent actions never both succeed; the loser gets 409 and can try again.
 */
@Service
public class TicketWork {

    private static final Logger log = LoggerFactory.getLogger(TicketWork.class);

    private final ReactiveMongoTemplate mongo;
    private final TicketAccess access;
    private final Dispatcher dispatcher;
    private final Tickets tickets;
    private final WorkflowProperties settings;
    private final CityMap city;
    private final Clock clock;

    TicketWork(ReactiveMongoTemplate mongo, TicketAccess access, Dispatcher dispatcher, Tickets tickets,
            WorkflowProperties settings, CityMap city, Clock clock) {
        this.mongo = mongo;
        this.access = access;
        this.dispatcher = dispatcher;
        this.tickets = tickets;
        this.settings = settings;
        this.city = city;
        this.clock = clock;
    }

    Mono<TicketView> accept(String ticketId) {
        return act(ticketId, ticket -> ticket.accept(clock.instant()));
    }

    Mono<TicketView> progress(String ticketId, WorkflowRequests.Progress request) {
        return act(ticketId, ticket -> ticket.note(request.note(), clock.instant()));
    }

    Mono<TicketView> resolve(String ticketId, WorkflowRequests.Resolve request) {
        return act(ticketId, ticket -> ticket.resolve(request.result(), request.reply(), request.publishReply(), clock.instant(),
                settings.feedbackWindow()));
    }

    /**
     * More time (延期): a supervisor moves the deadline; a unit asks, and is granted at once within the city's
     * allowance, else its request waits for the centre (延期审批) while the deadline runs on.
     */
    Mono<TicketView> extend(String ticketId, WorkflowRequests.Extend request) {
        Instant now = clock.instant();
        return Mono.zip(access.isSupervisor(), access.actor()).flatMap(who -> act(ticketId, ticket -> {
            if (who.getT1()) {
                ticket.extendByCentre(request.resolveBy(), request.reason(), who.getT2(), now);
            } else {
                ticket.requestExtension(request.resolveBy(), request.reason(), who.getT2(),
                        city.extensionAllowance(), now.plus(settings.extensionReviewWithin()), now);
            }
        }));
    }

    /**
     * The unit returns the ticket. Where the city has the centre review returns of its category, it waits in the
     * review queue; elsewhere the rules place it again at once without every unit that returned it. A grid worker's
     * hand-up (上报) is no dispute over whose duty it is but the grid asking for a department, so the rules place it
     * at once whatever the category. The answer only confirms the return: the ticket is no longer the unit's to work.
     */
    Mono<WorkflowRequests.Returned> reject(String ticketId, WorkflowRequests.Reject request) {
        ReturnReason reason = ReturnReason.of(request.reasonCode()).orElse(null);
        if (reason == null) {
            return Mono.error(new InvalidRequestException("reasonCode", "unknown", "must be one of "
                    + Arrays.toString(ReturnReason.values())));
        }
        Instant now = clock.instant();
        return access.load(ticketId).flatMap(ticket -> {
            boolean handedUpByItsGrid = GridWorkers.gridOf(ticket.getUnitId()).isPresent();
            ticket.reject(reason, request.reasonText(), blankToNull(request.basis()), now);
            if (!handedUpByItsGrid && city.reviewsReturns(ticket.getCategory())) {
                ticket.holdForReview(now.plus(settings.returnReviewWithin()), now);
                return Mono.just(ticket);
            }
            if (ticket.getReturnedBy().size() >= settings.maxReturns()) {
                return Mono.just(toTriage(ticket, "returned " + ticket.getReturnedBy().size() + " times"));
            }
            return dispatcher.route(ticket, new HashSet<>(ticket.getReturnedBy()))
                    .map(decision -> reassign(ticket, decision, now));
        }).flatMap(this::save)
                .map(saved -> new WorkflowRequests.Returned(saved.ticketId(), saved.ticketNumber(), true,
                        TicketStatus.RETURN_REVIEW.name().equals(saved.status()) ? saved.status() : null));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** A supervisor dispatches a ticket to a unit of their choice. */
    Mono<TicketView> assign(String ticketId, WorkflowRequests.Assign request) {
        if (!dispatcher.knowsUnit(request.unitId())) {
            return Mono.error(new InvalidRequestException("unitId", "unknown", "is not a unit of the city"));
        }
        for (int i = 0; i < request.supportingUnits().size(); i++) {
            String supporting = request.supportingUnits().get(i);
            if (!dispatcher.knowsUnit(supporting)) {
                return Mono.error(new InvalidRequestException("coUnitIds[" + i + "]", "unknown",
                        "is not a unit of the city"));
            }
            if (supporting.equals(request.unitId())) {
                return Mono.error(new InvalidRequestException("coUnitIds[" + i + "]", "lead-unit",
                        "is the lead unit; a unit cannot support its own ticket"));
            }
        }
        Instant now = clock.instant();
        return Mono.zip(access.load(ticketId), access.actor()).flatMap(loaded -> {
            RoutedTicket ticket = loaded.getT1();
            Priority priority = request.priority() != null ? Priority.valueOf(request.priority())
                    : ticket.getPriority() != null ? ticket.getPriority() : Priority.NORMAL;
            RoutingDecision decision = new RoutingDecision(null, ticket.getReason() == null ? 0
                    : ticket.getReason().ruleSetVersion(), request.unitId(), request.supportingUnits(), priority,
                    List.of("supervisor=" + loaded.getT2(), "reason=" + request.reason()));
            ticket.assign(decision, dispatcher.unitName(request.unitId()), now,
                    dispatcher.deadlines(ticket, priority, now), loaded.getT2());
            return save(ticket);
        });
    }

    private RoutedTicket reassign(RoutedTicket ticket, RoutingDecision decision, Instant now) {
        if (decision.triage()) {
            return toTriage(ticket, "no other unit's rule matches");
        }
        ticket.assign(decision, dispatcher.unitName(decision.leadUnit()), now,
                dispatcher.deadlines(ticket, decision, now));
        return ticket;
    }

    private RoutedTicket toTriage(RoutedTicket ticket, String why) {
        log.info("Ticket {} goes to triage: {}", ticket.getTicketNumber(), why);
        ticket.toTriage(new RoutingDecision(null, ticket.getReason() == null ? 0
                : ticket.getReason().ruleSetVersion(), null, List.of(), ticket.getPriority(), List.of(why)));
        return ticket;
    }

    private Mono<TicketView> act(String ticketId, Consumer<RoutedTicket> change) {
        return access.load(ticketId).flatMap(ticket -> {
            change.accept(ticket);
            return save(ticket);
        });
    }

    private Mono<TicketView> save(RoutedTicket ticket) {
        return tickets.save(ticket)
                .onErrorMap(OptimisticLockingFailureException.class, e -> new ConcurrentChangeException("ticket"))
                .map(saved -> TicketView.of(saved, clock.instant()));
    }
}

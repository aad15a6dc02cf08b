package org.hotline12345.routing.review;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.hotline12345.contracts.Priority;
import org.hotline12345.platform.problem.ConcurrentChangeException;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.routing.assignment.Dispatcher;
import org.hotline12345.routing.assignment.RoutedTicket;
import org.hotline12345.routing.assignment.TicketAccess;
import org.hotline12345.routing.assignment.TicketView;
import org.hotline12345.routing.assignment.Tickets;
import org.hotline12345.routing.lifecycle.TicketStatus;
import org.hotline12345.routing.rules.RoutingDecision;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The centre's review of returns. Each decision loads the ticket, lets it check that its return still waits, and
 * saves it with its events under its version through {@link Tickets}: of two supervisors deciding the same return at
 * once one wins, and the other gets 409, whether it read the ticket before the winner's write or after it.
 */
@Service
class ReturnReviews {

    private final ReactiveMongoTemplate mongo;
    private final TicketAccess access;
    private final Dispatcher dispatcher;
    private final Tickets tickets;
    private final Clock clock;

    ReturnReviews(ReactiveMongoTemplate mongo, TicketAccess access, Dispatcher dispatcher, Tickets tickets,
            Clock clock) {
        this.mongo = mongo;
        this.access = access;
        this.dispatcher = dispatcher;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** The returns that wait, oldest first, a page at a time, each with the rules' suggestion. */
    Flux<ReviewRequests.WaitingReturn> waiting(int page, int size) {
        Instant now = clock.instant();
        return dispatcher.ruleSet().flatMapMany(ruleSet -> mongo.find(Query.query(
                        Criteria.where("status").is(TicketStatus.RETURN_REVIEW.name()))
                        .with(Sort.by("reviewSince", "_id")).skip((long) page * size).limit(size), RoutedTicket.class)
                .map(ticket -> waiting(ticket, dispatcher.route(ruleSet, ticket,
                        new HashSet<>(ticket.getReturnedBy())), now)));
    }

    private ReviewRequests.WaitingReturn waiting(RoutedTicket ticket, RoutingDecision suggestion, Instant now) {
        RoutedTicket.Return last = ticket.getReturns().get(ticket.getReturns().size() - 1);
        String suggested = suggestion.triage() ? null : suggestion.leadUnit();
        return new ReviewRequests.WaitingReturn(ticket.getId(), ticket.getTicketNumber(), ticket.getCategory(),
                ticket.getDistrict(), ticket.getDescription(),
                ticket.getPriority() == null ? null : ticket.getPriority().name(), ticket.getUnitId(),
                dispatcher.unitName(ticket.getUnitId()), last.reasonCode(), last.reasonText(), last.basis(),
                ticket.getReturns().size(), ticket.getReviewSince(), ticket.getReviewBy(),
                ticket.getReviewBy() != null && ticket.getReviewBy().isBefore(now), ticket.getAcceptBy(),
                ticket.getResolveBy(), suggested, suggested == null ? null : dispatcher.unitName(suggested));
    }

    /**
     * Upholds the return: the ticket goes to the unit the supervisor names, else to the one the rules suggest past
     * every unit that returned it; with neither, the supervisor must name one.
     */
    Mono<TicketView> uphold(String ticketId, ReviewRequests.Uphold request) {
        if (request.unitId() != null && !dispatcher.knowsUnit(request.unitId())) {
            return Mono.error(new InvalidRequestException("unitId", "unknown", "is not a unit of the city"));
        }
        Instant now = clock.instant();
        return Mono.zip(access.load(ticketId), access.actor()).flatMap(loaded -> {
            RoutedTicket ticket = loaded.getT1();
            String supervisor = loaded.getT2();
            Mono<Next> next = request.unitId() != null ? Mono.just(chosen(ticket, request, supervisor, now))
                    : dispatcher.route(ticket, new HashSet<>(ticket.getReturnedBy())).map(decision -> {
                        if (decision.triage()) {
                            throw new InvalidRequestException("unitId", "required",
                                    "no other unit's rule matches this ticket: name the unit it goes to");
                        }
                        return new Next(decision, dispatcher.deadlines(ticket, decision, now));
                    });
            return next.flatMap(to -> {
                ticket.upholdReturn(to.decision(), dispatcher.unitName(to.decision().leadUnit()), request.reason(),
                        supervisor, to.deadlines(), now);
                return save(ticket);
            });
        });
    }

    /** Rejects the return: the ticket goes back to the unit that returned it, its deadlines as they were. */
    Mono<TicketView> reject(String ticketId, ReviewRequests.Reject request) {
        Instant now = clock.instant();
        return Mono.zip(access.load(ticketId), access.actor()).flatMap(loaded -> {
            loaded.getT1().rejectReturn(request.reason(), loaded.getT2(), now);
            return save(loaded.getT1());
        });
    }

    private Next chosen(RoutedTicket ticket, ReviewRequests.Uphold request, String supervisor, Instant now) {
        Priority priority = ticket.getPriority() != null ? ticket.getPriority() : Priority.NORMAL;
        RoutingDecision decision = new RoutingDecision(null, ticket.getReason() == null ? 0
                : ticket.getReason().ruleSetVersion(), request.unitId(), List.of(), priority,
                List.of("supervisor=" + supervisor, "reason=" + request.reason()));
        return new Next(decision, dispatcher.deadlines(ticket, priority, now));
    }

    private Mono<TicketView> save(RoutedTicket ticket) {
        return tickets.save(ticket)
                .onErrorMap(OptimisticLockingFailureException.class, e -> new ConcurrentChangeException("ticket"))
                .map(saved -> TicketView.of(saved, clock.instant()));
    }

    /** Where an upheld return sends the ticket, and the deadlines it gets there. */
    private record Next(RoutingDecision decision, Dispatcher.Deadlines deadlines) {
    }
}

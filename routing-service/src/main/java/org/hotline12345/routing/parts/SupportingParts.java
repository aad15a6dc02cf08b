package org.hotline12345.routing.parts;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.platform.problem.ConcurrentChangeException;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.hotline12345.routing.assignment.RoutedTicket;
import org.hotline12345.routing.assignment.TicketAccess;
import org.hotline12345.routing.assignment.TicketView;
import org.hotline12345.routing.assignment.Tickets;
import org.hotline12345.routing.city.CityMap;
import org.hotline12345.routing.lifecycle.TicketStatus;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What supporting units and the centre do with the parts of tickets (主办/协办). A supporting unit reaches a ticket
 * only through its own part of the current assignment: any other ticket, or one whose part was withdrawn, is 404
 * exactly as one that does not exist. Each change loads the ticket, lets it check the part's state, and saves it with
 * its event under the ticket's version through {@link Tickets}: of two changes of the same ticket at once (a part
 * answered while the centre waives it) one wins and the other gets 409.
 */
@Service
class SupportingParts {

    private final ReactiveMongoTemplate mongo;
    private final TicketAccess access;
    private final Tickets tickets;
    private final CityMap city;
    private final Clock clock;

    SupportingParts(ReactiveMongoTemplate mongo, TicketAccess access, Tickets tickets, CityMap city, Clock clock) {
        this.mongo = mongo;
        this.access = access;
        this.tickets = tickets;
        this.city = city;
        this.clock = clock;
    }

    /**
     * The unit's parts of the tickets that are still worked, oldest ticket first: open ones and those it answered or
     * the centre waived, so that it sees where each stands until the lead resolves.
     */
    Flux<PartRequests.PartView> mine(int page, int size) {
        Instant now = clock.instant();
        return access.unit().flatMapMany(unit -> mongo.find(Query.query(Criteria.where("parts.unitId").is(unit)
                                .and("status").in(TicketStatus.UNRESOLVED.stream().map(TicketStatus::name).sorted()
                                        .toList()))
                        .with(Sort.by("receivedAt", "_id")).skip((long) page * size).limit(size), RoutedTicket.class)
                .mapNotNull(ticket -> ticket.partOf(unit).map(part -> view(ticket, part, now)).orElse(null)));
    }

    /** The unit's part of one ticket; 404 when it has none in the ticket's current assignment. */
    Mono<PartRequests.PartView> one(String ticketId) {
        Instant now = clock.instant();
        return access.unit().flatMap(unit -> load(ticketId, unit)
                .map(ticket -> view(ticket, ticket.partOf(unit).orElseThrow(), now)));
    }

    /** The supporting unit signs for its part (协办签收). */
    Mono<PartRequests.PartView> accept(String ticketId) {
        return byTheUnit(ticketId, (ticket, unit) -> ticket.acceptPart(unit, clock.instant()));
    }

    /** The supporting unit sends its part of the answer to the lead (协办答复). */
    Mono<PartRequests.PartView> answer(String ticketId, PartRequests.Answer request) {
        return byTheUnit(ticketId, (ticket, unit) -> ticket.answerPart(unit, request.answer(), clock.instant()));
    }

    /** The centre waives {@code unitId}'s part of a ticket (协办免除), with its reason. */
    Mono<TicketView> waive(String ticketId, String unitId, PartRequests.Waive request) {
        return Mono.zip(access.load(ticketId), access.actor()).flatMap(loaded -> {
            loaded.getT1().waivePart(unitId, request.reason(), loaded.getT2(), clock.instant());
            return save(loaded.getT1());
        }).map(saved -> TicketView.of(saved, clock.instant()));
    }

    /**
     * The parts overdue (协办超期), the ticket whose part has waited longest first, a page of tickets at a time: every
     * open part whose running deadline (signing for, then answering) has passed.
     */
    Flux<PartRequests.OverduePart> overdue(int page, int size) {
        Instant now = clock.instant();
        return mongo.find(Query.query(Criteria.where("partsDueBy").lt(now)).with(Sort.by("partsDueBy", "_id"))
                        .skip((long) page * size).limit(size), RoutedTicket.class)
                .concatMapIterable(ticket -> ticket.currentParts().stream().filter(part -> part.open()
                        && part.overdueAt(now)).map(part -> overdue(ticket, part)).toList());
    }

    private Mono<PartRequests.PartView> byTheUnit(String ticketId, BiConsumer<RoutedTicket, String> change) {
        Instant now = clock.instant();
        return access.unit().flatMap(unit -> load(ticketId, unit).flatMap(ticket -> {
            change.accept(ticket, unit);
            return save(ticket);
        }).map(saved -> view(saved, saved.partOf(unit).orElseThrow(), now)));
    }

    /** The ticket, if the unit has a part in its current assignment; 404 otherwise. */
    private Mono<RoutedTicket> load(String ticketId, String unit) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(ticketId).and("parts.unitId").is(unit)),
                        RoutedTicket.class)
                .filter(ticket -> ticket.partOf(unit).isPresent())
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("Ticket", ticketId)));
    }

    private Mono<RoutedTicket> save(RoutedTicket ticket) {
        return tickets.save(ticket)
                .onErrorMap(OptimisticLockingFailureException.class, e -> new ConcurrentChangeException("ticket"));
    }

    private PartRequests.PartView view(RoutedTicket t, RoutedTicket.Part part, Instant now) {
        return new PartRequests.PartView(t.getId(), t.getTicketNumber(), t.getStatus().name(), t.getCategory(),
                t.getUrgency() == null ? null : t.getUrgency().name(), t.getDescription(), t.getDistrict(),
                t.getGridId(), t.getAddress(),
                t.getLat() == null || t.getLon() == null ? null : new GeoPoint(t.getLat(), t.getLon()),
                t.getPriority() == null ? null : t.getPriority().name(), t.getUrgencyClass(), t.getReceivedAt(),
                t.getUnitId(), name(t.getUnitId()), t.getResolveBy(), part, part.overdueAt(now));
    }

    private PartRequests.OverduePart overdue(RoutedTicket t, RoutedTicket.Part part) {
        return new PartRequests.OverduePart(t.getId(), t.getTicketNumber(), t.getCategory(), t.getDistrict(),
                t.getDescription(), t.getStatus().name(), t.getUnitId(), name(t.getUnitId()), part.unitId(),
                name(part.unitId()), part.state().name(), part.assignedAt(), part.acceptBy(), part.dueBy(),
                part.runningDeadline(), part.state() == RoutedTicket.PartState.ASSIGNED ? "ACCEPT" : "ANSWER");
    }

    private String name(String unitId) {
        return unitId == null ? null : city.holderName(unitId).orElse(unitId);
    }
}

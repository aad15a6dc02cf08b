package org.hotline12345.routing.review;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.hotline12345.platform.problem.ConcurrentChangeException;
import org.hotline12345.routing.assignment.RoutedTicket;
import org.hotline12345.routing.assignment.TicketAccess;
import org.hotline12345.routing.assignment.TicketView;
import org.hotline12345.routing.assignment.Tickets;
import org.hotline12345.routing.city.CityMap;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The centre's decisions on units' requests for more time (延期审批). Each loads the ticket, lets it check that a
 * request still waits, and saves it with its events under its version through {@link Tickets}: of two supervisors
 * deciding the same request at once one wins, and the other gets 409, whether it read the ticket before the winner's
 * write or after it.
 */
@Service
class ExtensionReviews {

    private final ReactiveMongoTemplate mongo;
    private final TicketAccess access;
    private final Tickets tickets;
    private final CityMap city;
    private final Clock clock;

    ExtensionReviews(ReactiveMongoTemplate mongo, TicketAccess access, Tickets tickets, CityMap city, Clock clock) {
        this.mongo = mongo;
        this.access = access;
        this.tickets = tickets;
        this.city = city;
        this.clock = clock;
    }

    /** The requests that wait, oldest first, a page at a time. */
    Flux<ReviewRequests.WaitingExtension> waiting(int page, int size) {
        Instant now = clock.instant();
        // every waiting request was made after the epoch: a range the index serves, where "exists" is not
        return mongo.find(Query.query(Criteria.where("extensionWaitingSince").gte(Instant.EPOCH))
                        .with(Sort.by("extensionWaitingSince", "_id")).skip((long) page * size).limit(size),
                        RoutedTicket.class)
                .mapNotNull(ticket -> ticket.extensionWaiting().map(asked -> waiting(ticket, asked, now))
                        .orElse(null));
    }

    private ReviewRequests.WaitingExtension waiting(RoutedTicket ticket, RoutedTicket.Extension asked, Instant now) {
        return new ReviewRequests.WaitingExtension(ticket.getId(), ticket.getTicketNumber(), ticket.getCategory(),
                ticket.getDistrict(), ticket.getDescription(),
                ticket.getPriority() == null ? null : ticket.getPriority().name(), ticket.getStatus().name(),
                ticket.getUnitId(), city.holderName(ticket.getUnitId()).orElse(ticket.getUnitId()), asked.reason(),
                asked.requestedBy(), asked.at(), ticket.getResolveBy(), asked.requestedResolveBy(),
                ticket.getExtensions(), asked.decideBy(), asked.decideBy() != null && asked.decideBy().isBefore(now),
                ticket.getResolveBy().isBefore(now));
    }

    /** Approves the request that waits, to the deadline asked for or the earlier one given. */
    Mono<TicketView> approve(String ticketId, ReviewRequests.Approve request) {
        return decide(ticketId, (ticket, supervisor) -> ticket.approveExtension(request.resolveBy(),
                request.reason(), supervisor, clock.instant()));
    }

    /** Refuses the request that waits: the deadline stands. */
    Mono<TicketView> refuse(String ticketId, ReviewRequests.Refuse request) {
        return decide(ticketId, (ticket, supervisor) -> ticket.refuseExtension(request.reason(), supervisor,
                clock.instant()));
    }

    private Mono<TicketView> decide(String ticketId, BiConsumer<RoutedTicket, String> decision) {
        return Mono.zip(access.load(ticketId), access.actor()).flatMap(loaded -> {
            decision.accept(loaded.getT1(), loaded.getT2());
            return tickets.save(loaded.getT1());
        }).onErrorMap(OptimisticLockingFailureException.class, e -> new ConcurrentChangeException("ticket"))
                .map(saved -> TicketView.of(saved, clock.instant()));
    }
}

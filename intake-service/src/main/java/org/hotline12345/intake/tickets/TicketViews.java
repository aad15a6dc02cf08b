package org.hotline12345.intake.tickets;

import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A registered ticket as staff see it, with the ticket it joined when it repeats one or reports its incident. */
@Component
class TicketViews {

    private final ReactiveMongoTemplate mongo;

    TicketViews(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<TicketView> view(String ticketId) {
        return mongo.findById(ticketId, IntakeTicket.class)
                .flatMap(ticket -> {
                    String joined = ticket.getRepeatOf() != null ? ticket.getRepeatOf() : ticket.getParentIncidentId();
                    return joined == null ? Mono.just(TicketView.of(ticket, null))
                            : mongo.findById(joined, IntakeTicket.class).map(parent -> TicketView.of(ticket, parent))
                                    .defaultIfEmpty(TicketView.of(ticket, null));
                })
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("Ticket", ticketId)));
    }
}

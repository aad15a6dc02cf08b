package org.hotline12345.intake.tracking;

import java.util.Map;
import java.util.function.Consumer;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketClosed;
import org.hotline12345.contracts.TicketExtended;
import org.hotline12345.contracts.TicketReopened;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.intake.tickets.IntakeTicket;
import org.hotline12345.intake.tickets.TicketLinks;
import org.hotline12345.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

/**
 * Follows each ticket's lifecycle so that intake can tell callers where their ticket stands: status, handling
 * unit, the unit's reply and the timeline. A ticket's events arrive in order because they share its partition; a
 * redelivered event finds its id among those seen and changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class TicketTracking {

    private static final Map<String, String> STATUS_AFTER = Map.of(
            "TicketAssigned", "ASSIGNED", "TicketAccepted", "ACCEPTED", "TicketRejected", "REJECTED",
            "TicketExtended", "EXTENDED", "TicketResolved", "RESOLVED", "TicketEscalated", "ESCALATED",
            "TicketReopened", "REOPENED", "TicketClosed", "CLOSED");

    @Bean
    Consumer<Message<byte[]>> followTicket(ReactiveMongoTemplate mongo, TicketLinks links) {
        return message -> InboundEvents.dispatch(message, TicketLifecycleEvent.class,
                event -> follow(mongo, links, event));
    }

    static void follow(ReactiveMongoTemplate mongo, TicketLinks links, TicketLifecycleEvent event) {
        String status = STATUS_AFTER.get(event.type());
        if (status == null) {
            return;
        }
        Update update = new Update().set("status", status).set("updatedAt", event.occurredAt())
                .push("timeline", new IntakeTicket.Step(status, event.occurredAt()))
                .addToSet("seenEvents", event.eventId());
        if (event instanceof TicketAssigned assigned) {
            update.set("unitId", assigned.unitId()).set("unitName", assigned.unitName())
                    .set("expectedAt", assigned.resolveBy());
        }
        if (event instanceof TicketExtended extended) {
            update.set("expectedAt", extended.resolveBy());
        }
        if (event instanceof TicketReopened reopened) {
            update.set("expectedAt", reopened.resolveBy()).unset("reply");
        }
        if (event instanceof TicketResolved resolved) {
            update.set("reply", resolved.reply());
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.ticketId()).and("seenEvents")
                        .ne(event.eventId())), update, IntakeTicket.class)
                .block();
        if (event instanceof TicketClosed) {
            // a closed ticket is no longer one that later calls repeat or reports join
            links.settled(event.ticketId()).block();
        }
    }
}

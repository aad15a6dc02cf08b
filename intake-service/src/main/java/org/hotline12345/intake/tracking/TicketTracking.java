package org.hotline12345.intake.tracking;

import java.util.Map;
import java.util.function.Consumer;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.intake.tickets.IntakeTicket;
import org.hotline12345.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

/**
 * Follows each ticket's lifecycle so that intake can tell callers where their ticket stands. Setting the state
 * is idempotent, and a ticket's events arrive in order because they share its partition.
 */
@Configuration(proxyBeanMethods = false)
class TicketTracking {

    private static final Map<String, String> STATUS_AFTER = Map.of(
            "TicketAssigned", "ASSIGNED", "TicketAccepted", "ACCEPTED", "TicketRejected", "REJECTED",
            "TicketExtended", "EXTENDED", "TicketResolved", "RESOLVED", "TicketEscalated", "ESCALATED",
            "TicketReopened", "REOPENED", "TicketClosed", "CLOSED");

    @Bean
    Consumer<Message<byte[]>> followTicket(ReactiveMongoTemplate mongo) {
        return message -> InboundEvents.dispatch(message, TicketLifecycleEvent.class, event -> follow(mongo, event));
    }

    static void follow(ReactiveMongoTemplate mongo, TicketLifecycleEvent event) {
        String status = STATUS_AFTER.get(event.type());
        if (status == null) {
            return;
        }
        Update update = new Update().set("status", status).set("updatedAt", event.occurredAt());
        if (event instanceof TicketAssigned assigned) {
            update.set("unitId", assigned.unitId()).set("unitName", assigned.unitName());
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.ticketId())), update, IntakeTicket.class)
                .block();
    }
}

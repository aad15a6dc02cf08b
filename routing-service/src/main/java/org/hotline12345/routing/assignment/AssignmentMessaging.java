package org.hotline12345.routing.assignment;

import java.util.List;
import java.util.function.Consumer;
import org.hotline12345.contracts.IntakeEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.platform.messaging.EventBatches;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds intake's topic to the assignment: the TicketReceived of each polled batch are dispatched together. */
@Configuration(proxyBeanMethods = false)
class AssignmentMessaging {

    @Bean
    Consumer<Message<List<byte[]>>> assignTicket(TicketAssignment assignment) {
        return batch -> EventBatches.handle(batch, IntakeEvent.class, events -> assignment.assign(events.stream()
                .filter(TicketReceived.class::isInstance).map(TicketReceived.class::cast).toList()));
    }
}

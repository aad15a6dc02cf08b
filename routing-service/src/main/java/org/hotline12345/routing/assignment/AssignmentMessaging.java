package org.hotline12345.routing.assignment;

import java.util.function.Consumer;
import org.hotline12345.contracts.IntakeEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds intake's topic to the assignment: every TicketReceived is dispatched. */
@Configuration(proxyBeanMethods = false)
class AssignmentMessaging {

    @Bean
    Consumer<Message<byte[]>> assignTicket(TicketAssignment assignment) {
        return message -> InboundEvents.dispatch(message, IntakeEvent.class, event -> {
            if (event instanceof TicketReceived received) {
                assignment.assign(received).block();
            }
        });
    }
}

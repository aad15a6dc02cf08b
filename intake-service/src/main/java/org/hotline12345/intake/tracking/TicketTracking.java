package org.hotline12345.intake.tracking;

import java.util.function.Consumer;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Routing's lifecycle events, handed to {@link TicketProgress}. */
@Configuration(proxyBeanMethods = false)
class TicketTracking {

    @Bean
    Consumer<Message<byte[]>> followTicket(TicketProgress progress) {
        return message -> InboundEvents.dispatch(message, TicketLifecycleEvent.class,
                event -> progress.follow(event).block());
    }
}

package org.hotline12345.intake.tracking;

import java.util.List;
import java.util.function.Consumer;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.intake.tickets.TicketProgress;
import org.hotline12345.platform.messaging.EventBatches;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Routing's lifecycle events, handed to {@link TicketProgress} a polled batch at a time. */
@Configuration(proxyBeanMethods = false)
class TicketTracking {

    @Bean
    Consumer<Message<List<byte[]>>> followTicket(TicketProgress progress) {
        return batch -> EventBatches.handle(batch, TicketLifecycleEvent.class, progress::follow);
    }
}

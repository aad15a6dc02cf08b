package org.hotline12345.routing.assignment;

import org.hotline12345.platform.outbox.OutboxTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** RoutedTickets carry their events in an outbox; the sweep republishes what a crash or an outage left there. */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    OutboxTypes routingOutbox() {
        return OutboxTypes.of(RoutedTicket.class);
    }
}

package org.hotline12345.intake.tickets;

import org.hotline12345.platform.outbox.OutboxTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * IntakeTickets and the citizens' ratings (of resolutions, and of how their calls were taken) carry their events in
 * an outbox; the sweep republishes what a crash or an outage left there.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    OutboxTypes intakeOutbox() {
        return OutboxTypes.of(IntakeTicket.class, TicketRating.class, CallRating.class);
    }
}

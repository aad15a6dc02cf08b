package org.hotline12345.analytics.facts;

import java.util.function.Consumer;
import org.hotline12345.contracts.FeedbackEvent;
import org.hotline12345.contracts.IntakeEvent;
import org.hotline12345.contracts.NotificationEvent;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds every topic of the hub to the fact recorder, one function per topic so each has its own dead letters. */
@Configuration(proxyBeanMethods = false)
class FactMessaging {

    @Bean
    Consumer<Message<byte[]>> recordIntakeFact(FactRecorder facts) {
        return message -> InboundEvents.dispatch(message, IntakeEvent.class, event -> facts.record(event).block());
    }

    @Bean
    Consumer<Message<byte[]>> recordLifecycleFact(FactRecorder facts) {
        return message -> InboundEvents.dispatch(message, TicketLifecycleEvent.class,
                event -> facts.record(event).block());
    }

    @Bean
    Consumer<Message<byte[]>> recordFeedbackFact(FactRecorder facts) {
        return message -> InboundEvents.dispatch(message, FeedbackEvent.class, event -> facts.record(event).block());
    }

    @Bean
    Consumer<Message<byte[]>> recordNotificationFact(FactRecorder facts) {
        return message -> InboundEvents.dispatch(message, NotificationEvent.class,
                event -> facts.record(event).block());
    }
}

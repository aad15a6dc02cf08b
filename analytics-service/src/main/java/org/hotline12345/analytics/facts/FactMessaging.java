package org.hotline12345.analytics.facts;

import java.util.List;
import java.util.function.Consumer;
import org.hotline12345.contracts.FeedbackEvent;
import org.hotline12345.contracts.IntakeEvent;
import org.hotline12345.contracts.NotificationEvent;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.platform.messaging.EventBatches;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds every topic of the hub to the fact recorder, one function per topic so each has its own dead letters; each
 * polled batch of a topic is recorded at once.
 */
@Configuration(proxyBeanMethods = false)
class FactMessaging {

    @Bean
    Consumer<Message<List<byte[]>>> recordIntakeFact(FactRecorder facts) {
        return batch -> EventBatches.handle(batch, IntakeEvent.class, events -> facts.record(events).then());
    }

    @Bean
    Consumer<Message<List<byte[]>>> recordLifecycleFact(FactRecorder facts) {
        return batch -> EventBatches.handle(batch, TicketLifecycleEvent.class, events -> facts.record(events).then());
    }

    @Bean
    Consumer<Message<List<byte[]>>> recordFeedbackFact(FactRecorder facts) {
        return batch -> EventBatches.handle(batch, FeedbackEvent.class, events -> facts.record(events).then());
    }

    @Bean
    Consumer<Message<List<byte[]>>> recordNotificationFact(FactRecorder facts) {
        return batch -> EventBatches.handle(batch, NotificationEvent.class, events -> facts.record(events).then());
    }
}

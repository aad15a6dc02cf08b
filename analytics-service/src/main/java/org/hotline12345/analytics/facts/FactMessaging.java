package org.hotline12345.analytics.facts;

import java.util.List;
import java.util.function.Consumer;
import org.hotline12345.contracts.FeedbackEvent;
import org.hotline12345.contracts.IntakeEvent;
import org.hotline12345.contracts.NotificationEvent;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.platform.messaging.EventBatches;
import org.hotline12345.referencedata.City;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds every topic of the hub to the fact recorder, one function per topic so each has its own dead letters; each
 * polled batch of a topic is recorded at once.
 */
@Configuration(proxyBeanMethods = false)
class FactMessaging {

    /**
     * The question words' analyser, built and used once at start-up. Lucene's smart Chinese analyser reads its stop
     * words and dictionaries from its jar the first time it is used: a blocking read that must not first happen where
     * facts are worked out, on the database driver's event loop, which it would stall (and where the tests' BlockHound
     * fails it inside the class's initialiser, which leaves the class unusable for the rest of the JVM's life).
     */
    @Bean
    QuestionWords questionWords(City city) {
        QuestionWords words = QuestionWords.of(city);
        words.in("停水了什么时候来水");
        return words;
    }

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

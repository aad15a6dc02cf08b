package org.hotline12345.routing.workflow;

import java.util.List;
import java.util.function.Consumer;
import org.hotline12345.contracts.FeedbackEvent;
import org.hotline12345.contracts.FeedbackReceived;
import org.hotline12345.platform.messaging.EventBatches;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Flux;

/**
 * Binds the citizens' answers to the ticket they rate. Answers are few (one a ticket at most, days apart), so a
 * batch takes them one after another, in order.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackMessaging {

    @Bean
    Consumer<Message<List<byte[]>>> closeLoop(CitizenFeedback answers) {
        return batch -> EventBatches.handle(batch, FeedbackEvent.class, events -> Flux.fromIterable(events)
                .filter(FeedbackReceived.class::isInstance).cast(FeedbackReceived.class)
                .concatMap(answers::take).then());
    }
}

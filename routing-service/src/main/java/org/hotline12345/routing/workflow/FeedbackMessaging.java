package org.hotline12345.routing.workflow;

import java.util.function.Consumer;
import org.hotline12345.contracts.FeedbackEvent;
import org.hotline12345.contracts.FeedbackReceived;
import org.hotline12345.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds the citizens' answers to the ticket they rate. */
@Configuration(proxyBeanMethods = false)
class FeedbackMessaging {

    @Bean
    Consumer<Message<byte[]>> closeLoop(CitizenFeedback answers) {
        return message -> InboundEvents.dispatch(message, FeedbackEvent.class, event -> {
            if (event instanceof FeedbackReceived feedback) {
                answers.take(feedback).block();
            }
        });
    }
}

package org.hotline12345.notification;

import java.util.List;
import java.util.function.Consumer;
import org.hotline12345.contracts.CitizenRated;
import org.hotline12345.contracts.IntakeEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.notification.delivery.CitizenTexts;
import org.hotline12345.notification.replies.InboundReplies;
import org.hotline12345.platform.messaging.EventBatches;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds intake's topic: each polled batch's new tickets are greeted with their receipt texts, and the ratings given
 * on follow pages become the answers of their questions, as text replies do.
 */
@Configuration(proxyBeanMethods = false)
class IntakeMessaging {

    @Bean
    Consumer<Message<List<byte[]>>> greetCaller(CitizenTexts texts, InboundReplies replies) {
        return batch -> EventBatches.handle(batch, IntakeEvent.class, events -> texts.onReceived(events.stream()
                        .filter(TicketReceived.class::isInstance).map(TicketReceived.class::cast).toList())
                .then(replies.onRated(events.stream().filter(CitizenRated.class::isInstance)
                        .map(CitizenRated.class::cast).toList())));
    }
}

package org.hotline12345.notification.delivery;

import java.util.List;
import java.util.function.Consumer;
import org.hotline12345.contracts.IntakeEvent;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.platform.messaging.EventBatches;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds intake's and routing's topics to the citizen texts: the events of each polled batch are worked together. */
@Configuration(proxyBeanMethods = false)
class TextingMessaging {

    @Bean
    Consumer<Message<List<byte[]>>> greetCaller(CitizenTexts texts) {
        return batch -> EventBatches.handle(batch, IntakeEvent.class, events -> texts.onReceived(events.stream()
                .filter(TicketReceived.class::isInstance).map(TicketReceived.class::cast).toList()));
    }

    @Bean
    Consumer<Message<List<byte[]>>> textCitizen(CitizenTexts texts) {
        return batch -> EventBatches.handle(batch, TicketLifecycleEvent.class, texts::onLifecycle);
    }
}

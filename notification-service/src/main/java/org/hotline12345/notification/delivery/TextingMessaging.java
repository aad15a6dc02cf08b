package org.hotline12345.notification.delivery;

import java.util.List;
import java.util.function.Consumer;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.platform.messaging.EventBatches;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds routing's topic to the citizen texts: the events of each polled batch are worked together. */
@Configuration(proxyBeanMethods = false)
class TextingMessaging {

    @Bean
    Consumer<Message<List<byte[]>>> textCitizen(CitizenTexts texts) {
        return batch -> EventBatches.handle(batch, TicketLifecycleEvent.class, texts::onLifecycle);
    }
}

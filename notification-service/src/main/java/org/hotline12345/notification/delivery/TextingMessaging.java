package org.hotline12345.notification.delivery;

import java.util.function.Consumer;
import org.hotline12345.contracts.IntakeEvent;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds intake's and routing's topics to the citizen texts. */
@Configuration(proxyBeanMethods = false)
class TextingMessaging {

    @Bean
    Consumer<Message<byte[]>> greetCaller(CitizenTexts texts) {
        return message -> InboundEvents.dispatch(message, IntakeEvent.class, event -> {
            if (event instanceof TicketReceived received) {
                texts.onReceived(received).block();
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> textCitizen(CitizenTexts texts) {
        return message -> InboundEvents.dispatch(message, TicketLifecycleEvent.class,
                event -> texts.onLifecycle(event).block());
    }
}

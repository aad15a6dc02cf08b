package org.hotline12345.notification.delivery;

import org.hotline12345.notification.replies.InboundReply;
import org.hotline12345.platform.outbox.OutboxTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Notifications and replies carry their events in an outbox; the sweep republishes what a crash left there. */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    OutboxTypes notificationOutbox() {
        return OutboxTypes.of(Notification.class, InboundReply.class);
    }
}

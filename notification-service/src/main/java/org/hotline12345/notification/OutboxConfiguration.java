package org.hotline12345.notification;

import org.hotline12345.notification.delivery.Notification;
import org.hotline12345.notification.replies.InboundReply;
import org.hotline12345.platform.outbox.OutboxTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Notifications and replies carry their events in an outbox; the sweep republishes what a crash left there.
 * Declared here, above both features, because the service has one set of outbox types.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    OutboxTypes notificationOutbox() {
        return OutboxTypes.of(Notification.class, InboundReply.class);
    }
}

package org.hotline12345.notification.delivery;

import org.hotline12345.platform.outbox.OutboxTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Notifications carry their NotificationSent in an outbox; the sweep republishes what a crash left there. */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    OutboxTypes notificationOutbox() {
        return OutboxTypes.of(Notification.class);
    }
}

package org.hotline12345.notification.gateway;

import org.hotline12345.platform.indexes.CollectionIndexes;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/** The dev outbox is read newest first, for one ticket or for all. */
@Configuration(proxyBeanMethods = false)
class OutboxTextIndexes {

    @Bean
    @ConditionalOnProperty(name = "hotline.notification.gateway", havingValue = "dev-outbox", matchIfMissing = true)
    CollectionIndexes smsOutboxIndexes() {
        return CollectionIndexes.of("sms_outbox",
                new Index().on("ticketId", Direction.ASC).on("sentAt", Direction.DESC).named("ticket_sent_at"),
                new Index().on("sentAt", Direction.DESC).named("sent_at"));
    }
}

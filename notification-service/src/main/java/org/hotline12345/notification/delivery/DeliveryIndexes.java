package org.hotline12345.notification.delivery;

import org.hotline12345.platform.indexes.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The indexes behind notification's queries: a ticket's texts, texts by state and the delivery sweep (pending texts
 * by when they may go), the provider's receipts by its message id, and the texts counted per number and day.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryIndexes {

    @Bean
    CollectionIndexes notificationIndexes() {
        return CollectionIndexes.of("notifications",
                new Index().on("ticketId", Direction.ASC).on("createdAt", Direction.ASC).named("ticket_created_at"),
                new Index().on("status", Direction.ASC).on("notBefore", Direction.ASC).named("status_not_before"),
                new Index().on("status", Direction.ASC).on("createdAt", Direction.ASC).named("status_created_at"),
                new Index().on("gatewayMessageId", Direction.ASC).sparse().named("gateway_message_id"));
    }

    @Bean
    CollectionIndexes dailyTextIndexes() {
        return CollectionIndexes.of(DailyTexts.COLLECTION,
                new Index().on("expiresAt", Direction.ASC).expire(java.time.Duration.ZERO).named("expires_at_ttl"));
    }
}

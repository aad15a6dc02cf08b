package org.hotline12345.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.platform.messaging.MessagingAutoConfiguration;
import org.hotline12345.platform.messaging.TransactionalPublisher;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
/** The relay, and a sweep for the outbox document types the service declares. */
@AutoConfiguration(after = MessagingAutoConfiguration.class,
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration")
public class OutboxAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, TransactionalPublisher transactions) {
        return new OutboxRelay(mongo, transactions);
    }

    @Bean
    @ConditionalOnBean(OutboxTypes.class)
    OutboxSweeper outboxSweeper(ReactiveMongoTemplate mongo, OutboxRelay relay, OutboxTypes types,
            HotlineProperties properties, Clock clock, MeterRegistry meters) {
        return new OutboxSweeper(mongo, relay, types.types(), properties.outbox(), clock, meters);
    }
}
